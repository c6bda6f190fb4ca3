import "server-only";

import { getDb, type DbClient } from "@/lib/db";
import { median, wordEditDistance } from "@/lib/notes/edit-distance";

import type { VariantDto } from "./dto";
import { resolveVariantModel } from "./models";
import { wilsonInterval } from "./proportion";
import { rankVariants, type Judgement, type VariantRanking } from "./ranking";
import { ensureDefaultVariant, toVariantRow, variantSelect } from "./store";

/** Below this many judgements a variant's rating is shown with a warning: it can still move a lot. */
export const FEW_COMPARISONS = 20;

/** How often the live variant's drafts were approved exactly as drafted, among its drafts that reached a decision. */
export type ApprovalAsDrafted = {
  /** Approved (sent, sending or waiting to be sent) or rejected. */
  decided: number;
  approved: number;
  /** Approved with the final text word for word the variant's AI draft. */
  asDrafted: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  /** Words changed between the AI draft and the approved note (lib/notes/edit-distance). */
  medianWordsEdited: number | null;
};

export type VariantStanding = VariantDto & {
  ranking: VariantRanking;
  fewComparisons: boolean;
  approval: ApprovalAsDrafted;
};

export type WriterStandings = { writer: { id: string; name: string }; variants: VariantStanding[]; judgements: number };

const APPROVED_STATES = new Set(["approved", "submitting", "submitted", "needs_reconcile"]);

/** Every writer's variants with their counts, Bradley–Terry ratings and approval-as-drafted rates: the variants page. */
export async function listVariantStandings(db: DbClient = getDb()): Promise<WriterStandings[]> {
  const writers = await db.writer.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
  for (const writer of writers) await ensureDefaultVariant(db, writer.id);
  const [records, liveDrafts, shadowDrafts, judgements, decisions] = await Promise.all([
    db.draftingVariant.findMany({ select: { ...variantSelect, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.revision.groupBy({ by: ["variantId"], where: { authorKind: "ai", storyAssessment: null, variantId: { not: null } }, _count: { _all: true } }),
    db.shadowDraft.groupBy({ by: ["variantId", "outcome"], _count: { _all: true } }),
    loadJudgements(db),
    loadDecisions(db),
  ]);

  return writers.map((writer) => {
    const rows = records.filter((r) => r.writerId === writer.id).map(toVariantRow);
    const ids = rows.map((r) => r.id);
    const own = judgements.filter((j) => ids.includes(j.first));
    const rankings = new Map(rankVariants(ids, own, { seed: writer.id }).map((r) => [r.id, r]));
    const variants = rows.map((row): VariantStanding => {
      const resolved = resolveVariantModel(row);
      const shadowCount = (outcome: string) => shadowDrafts.find((s) => s.variantId === row.id && s.outcome === outcome)?._count._all ?? 0;
      const counts = {
        liveDrafts: liveDrafts.find((l) => l.variantId === row.id)?._count._all ?? 0,
        shadowNotes: shadowCount("note"),
        shadowAbstentions: shadowCount("abstain"),
        shadowFailures: shadowCount("failed"),
      };
      const ranking = rankings.get(row.id)!;
      return {
        ...row,
        modelLabel: resolved.label,
        problem: resolved.ok ? null : resolved.problem,
        configurable: counts.liveDrafts + counts.shadowNotes + counts.shadowAbstentions + counts.shadowFailures + ranking.comparisons === 0,
        counts,
        ranking,
        fewComparisons: ranking.comparisons < FEW_COMPARISONS,
        approval: approvalAsDrafted(decisions.filter((d) => d.variantId === row.id)),
      };
    });
    const order = { live: 0, shadow: 1, off: 2 } as const;
    variants.sort((a, b) => order[a.status] - order[b.status] || b.ranking.rating - a.ranking.rating);
    return { writer, variants, judgements: own.length };
  });
}

/** Every choice made, as "low variant vs high variant" with the side each was on resolved. */
async function loadJudgements(db: DbClient): Promise<Judgement[]> {
  const rows = await db.variantComparison.findMany({
    where: { choice: { not: null } },
    select: { lowVariantId: true, highVariantId: true, lowOnA: true, choice: true },
  });
  return rows.map(({ lowVariantId, highVariantId, lowOnA, choice }) => ({
    first: lowVariantId,
    second: highVariantId,
    winner: choice === "tie" ? "tie" : (choice === "a") === lowOnA ? "first" : "second",
  }));
}

type Decision = { variantId: string; state: string; aiText: string; finalText: string | null };

/** Each decided draft with the variant that drafted it: its latest AI draft against the note as it stands. */
async function loadDecisions(db: DbClient): Promise<Decision[]> {
  return db.$queryRaw<Decision[]>`
    SELECT ai.variant_id AS "variantId", d.state::text AS state, ai.text AS "aiText", cur.text AS "finalText"
      FROM drafts d
      JOIN LATERAL (
        SELECT r.variant_id, r.text FROM revisions r
         WHERE r.draft_id = d.id AND r.author_kind = 'ai' AND r.story_assessment IS NULL
         ORDER BY r.number DESC LIMIT 1
      ) ai ON TRUE
      LEFT JOIN revisions cur ON cur.id = d.current_revision_id
     WHERE d.state IN ('approved', 'submitting', 'submitted', 'needs_reconcile', 'rejected') AND ai.variant_id IS NOT NULL`;
}

export function approvalAsDrafted(decisions: readonly Pick<Decision, "state" | "aiText" | "finalText">[]): ApprovalAsDrafted {
  const approved = decisions.filter((d) => APPROVED_STATES.has(d.state));
  const edits = approved.map((d) => wordEditDistance(d.aiText, d.finalText ?? ""));
  const asDrafted = edits.filter((words) => words === 0).length;
  return {
    decided: decisions.length,
    approved: approved.length,
    asDrafted,
    rate: decisions.length ? asDrafted / decisions.length : null,
    interval: wilsonInterval(asDrafted, decisions.length),
    medianWordsEdited: median(edits),
  };
}
