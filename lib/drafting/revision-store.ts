import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { DbClient, Prisma } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import { provenanceColumns } from "./draft-outcome-store";
import type { SuggestionDisposition } from "./output/answers";
import type { RevisionOutcome } from "./revise";

/** The draft as the revision job read it: the answer is only applied if it is still so. */
export type RevisionBasis = {
  draftId: string;
  version: number;
  revisionId: string;
  suggestionIds: string[];
  /** Who asked for the revision (by suggesting); the AI is the actor, they are on the record. */
  requestedById: string | null;
  /** The drafting variant whose model wrote the answer. */
  variantId: string | null;
};

export type SavedRevision =
  | { kind: "applied"; revisionId: string }
  /** Kept by the AI but not made current: a person saved meanwhile, or the draft left the queue. */
  | { kind: "not_applied"; revisionId: string; reason: string }
  | { kind: "discarded"; reason: string }
  | { kind: "failed"; reason: string };

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

/**
 * Stores the AI's answer to a draft's suggestions in one transaction: each suggestion's disposition,
 * a kept revision (always recorded, parent = the revision answered), and the move of the draft's
 * current revision, which only happens while the draft is in the queue at the version read. A
 * person's edit saved meanwhile therefore stays current; the audit says so.
 */
export async function saveRevisionOutcome(db: DbClient, basis: RevisionBasis, outcome: RevisionOutcome): Promise<SavedRevision> {
  return db.$transaction(async (tx) => {
    if (outcome.kind === "failed") {
      await auditDraft(tx, basis, "draft.ai_revision_fail", { reason: outcome.reason, attempts: outcome.provenance.attempts });
      return { kind: "failed", reason: outcome.reason };
    }
    if (outcome.kind === "discarded") {
      await answerSuggestions(tx, basis, outcome.dispositions, null);
      await auditDraft(tx, basis, "draft.ai_revision_discard", { reason: outcome.reason });
      return { kind: "discarded", reason: outcome.reason };
    }

    const [moved] = await tx.$queryRaw<{ version: number }[]>`
      UPDATE drafts SET version = version + 1, updated_at = ${utcNow}
       WHERE id = ${basis.draftId} AND state = 'ready' AND version = ${basis.version}
      RETURNING version`;
    // Locked either way, so the revision number below cannot race a person's save.
    const [standing] = moved
      ? [{ state: "ready", version: moved.version }]
      : await tx.$queryRaw<{ state: string; version: number }[]>`SELECT state, version FROM drafts WHERE id = ${basis.draftId} FOR UPDATE`;
    const revisionId = await insertAiRevision(tx, basis, outcome);
    await answerSuggestions(tx, basis, outcome.dispositions, revisionId);

    if (moved) {
      await tx.draft.update({ where: { id: basis.draftId }, data: { currentRevisionId: revisionId }, select: { id: true } });
      await auditDraft(tx, basis, "draft.ai_revise", { version: moved.version, revisionId, reason: outcome.reason });
      return { kind: "applied", revisionId };
    }
    const reason =
      standing?.state === "ready"
        ? "A reviewer saved an edit while the AI was revising; their version stays current."
        : `The draft left the queue (it is ${standing?.state ?? "gone"}) while the AI was revising; nothing was changed.`;
    await auditDraft(tx, basis, "draft.ai_revision_not_applied", { revisionId, reason });
    return { kind: "not_applied", revisionId, reason };
  }, TRANSACTION_OPTIONS);
}

async function insertAiRevision(
  tx: Prisma.TransactionClient,
  basis: RevisionBasis,
  outcome: Extract<RevisionOutcome, { kind: "kept" }>,
): Promise<string> {
  const revised = outcome.revision;
  const last = await tx.revision.findFirst({ where: { draftId: basis.draftId }, orderBy: { number: "desc" }, select: { number: true } });
  const revision = await tx.revision.create({
    data: {
      draftId: basis.draftId,
      number: (last?.number ?? 0) + 1,
      authorKind: "ai",
      parentId: basis.revisionId,
      text: revised.note.text,
      classification: revised.note.classification,
      misleadingTags: revised.note.misleadingTags,
      trustworthySources: revised.note.trustworthySources,
      ...provenanceColumns(outcome.provenance),
      rationale: revised.rationale,
      storyAssessment: revised.storyAssessment,
      checks: { ...revised.checks, injectionReasons: revised.injectionReasons, keptBecause: outcome.reason },
      injectionSuspected: revised.injectionSuspected,
      variantId: basis.variantId,
    },
    select: { id: true },
  });
  return revision.id;
}

/** Only suggestions still pending are answered: one a person withdrew or another job answered stays as it is. */
async function answerSuggestions(
  tx: Prisma.TransactionClient,
  basis: RevisionBasis,
  dispositions: readonly SuggestionDisposition[],
  revisionId: string | null,
): Promise<void> {
  for (const answer of dispositions) {
    if (!basis.suggestionIds.includes(answer.suggestionId)) continue;
    const disposition = answer.status === "YES" ? "yes" : answer.status === "NO" ? "no" : "partially";
    const { count } = await tx.suggestion.updateMany({
      where: { id: answer.suggestionId, draftId: basis.draftId, disposition: "pending" },
      data: { disposition, dispositionReason: answer.explanation, resolvedAt: new Date(), revisionId },
    });
    if (count === 0) continue;
    await recordAudit(tx, {
      actorId: null,
      action: "draft.answer_suggestion",
      subjectType: "draft",
      subjectId: basis.draftId,
      before: { suggestionId: answer.suggestionId, disposition: "pending" },
      after: { suggestionId: answer.suggestionId, disposition, revisionId },
    });
  }
}

function auditDraft(tx: Prisma.TransactionClient, basis: RevisionBasis, action: string, after: Record<string, string | number | null>) {
  return recordAudit(tx, {
    actorId: null,
    action,
    subjectType: "draft",
    subjectId: basis.draftId,
    before: { version: basis.version, revisionId: basis.revisionId },
    after: { ...after, requestedById: basis.requestedById },
  });
}
