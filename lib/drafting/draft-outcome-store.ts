import "server-only";

import { recordAudit, type AuditState } from "@/lib/audit/record";
import { Prisma, type DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import type { ClaimedDraft } from "./draft-claims";
import type { DraftOutcome } from "./draft-post";
import type { Provenance } from "./structured-call";

/** What a drafting attempt ended in: the model's outcome, or a crash before there was one. */
export type DraftResult = DraftOutcome | { kind: "crashed"; reason: string };

const target = {
  note: { state: "ready", action: "draft.draft" },
  abstain: { state: "no_note", action: "draft.abstain" },
  failed: { state: "failed", action: "draft.fail_drafting" },
  crashed: { state: "failed", action: "draft.fail_drafting" },
} as const satisfies Record<DraftResult["kind"], { state: string; action: string }>;

/** Pool waits are normal when many drafts finish at once; Prisma's 2 s default would fail them. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

/**
 * Stores one outcome in one transaction: the AI revision (for a note), the draft's move out of
 * `drafting`, and the audit row. Returns false, having written nothing, when the claim is no longer
 * this run's (recovered as abandoned, maybe re-drafted by another run): a late answer never lands.
 */
export async function saveDraftResult(db: DbClient, claim: ClaimedDraft, result: DraftResult): Promise<boolean> {
  const { state, action } = target[result.kind];
  return db.$transaction(async (tx) => {
    const [moved] = await tx.$queryRaw<{ version: number }[]>`
      UPDATE drafts SET state = ${state}::"DraftState", version = version + 1, updated_at = ${utcNow}, ${outcomeColumns(result)}
       WHERE id = ${claim.id} AND state = 'drafting' AND version = ${claim.version}
      RETURNING version`;
    if (!moved) return false;

    const revisionId = result.kind === "note" ? await insertFirstRevision(tx, claim.id, result) : null;
    await recordAudit(tx, {
      actorId: null,
      action,
      subjectType: "draft",
      subjectId: claim.id,
      before: { state: "drafting", version: claim.version },
      after: { state, version: moved.version, revisionId, ...describe(result) },
    });
    return true;
  }, TRANSACTION_OPTIONS);
}

function outcomeColumns(result: DraftResult): Prisma.Sql {
  switch (result.kind) {
    case "note":
      return Prisma.sql`ai_decision = 'write_note', ai_rationale = ${result.rationale}, ready_at = ${utcNow},
                        failure_reason = NULL, raw_output = NULL`;
    case "abstain":
      return Prisma.sql`ai_decision = ${result.decision}, ai_rationale = ${result.rationale}, failure_reason = NULL, raw_output = NULL`;
    case "failed":
      return Prisma.sql`failure_reason = ${result.reason}, raw_output = ${result.rawOutput}`;
    case "crashed":
      return Prisma.sql`failure_reason = ${result.reason}, raw_output = NULL`;
  }
}

async function insertFirstRevision(tx: Prisma.TransactionClient, draftId: string, outcome: Extract<DraftOutcome, { kind: "note" }>) {
  const { note, provenance } = outcome;
  const revision = await tx.revision.create({
    data: {
      draftId,
      number: 1,
      authorKind: "ai",
      text: note.text,
      classification: note.classification,
      misleadingTags: note.misleadingTags,
      trustworthySources: note.trustworthySources,
      ...provenanceColumns(provenance),
      rationale: outcome.rationale,
      checks: { ...outcome.checks, injectionReasons: outcome.injectionReasons },
      injectionSuspected: outcome.injectionSuspected,
    },
    select: { id: true },
  });
  await tx.draft.update({ where: { id: draftId }, data: { currentRevisionId: revision.id }, select: { id: true } });
  return revision.id;
}

/** The revision columns that say which model wrote it and what it cost. */
export function provenanceColumns(provenance: Provenance) {
  return {
    provider: provenance.provider,
    model: provenance.model,
    promptVersion: provenance.promptVersion,
    latencyMs: provenance.latencyMs,
    inputTokens: provenance.inputTokens,
    outputTokens: provenance.outputTokens,
  };
}

function describe(result: DraftResult): AuditState {
  if (result.kind === "crashed") return { reason: result.reason };
  const { provider, model, promptVersion, attempts } = result.provenance;
  const made = { provider, model, promptVersion, attempts };
  if (result.kind === "failed") return { ...made, reason: result.reason };
  if (result.kind === "abstain") return { ...made, decision: result.decision };
  return { ...made, decision: "write_note", injectionSuspected: result.injectionSuspected };
}
