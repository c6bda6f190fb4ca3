import "server-only";

import { randomUUID } from "node:crypto";

import type { AuditState } from "@/lib/audit/record";
import { Prisma, type DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import type { ClaimedDraft } from "./draft-claims";
import type { DraftOutcome } from "./draft-post";
import type { Provenance } from "./structured-call";

/** What a drafting attempt ended in: the model's outcome, or a crash before there was one. */
export type DraftResult = DraftOutcome | { kind: "crashed"; reason: string };

type NoteOutcome = Extract<DraftOutcome, { kind: "note" }>;

const target = {
  note: { state: "ready", action: "draft.draft" },
  abstain: { state: "no_note", action: "draft.abstain" },
  failed: { state: "failed", action: "draft.fail_drafting" },
  crashed: { state: "failed", action: "draft.fail_drafting" },
} as const satisfies Record<DraftResult["kind"], { state: string; action: string }>;

/**
 * Stores one outcome in one statement, so atomically and in a single round trip: the draft's move
 * out of `drafting`, the AI revision for a note (made current in the same move), and the audit row.
 * Every part hangs off the conditional update: when the claim is no longer this run's (recovered
 * as abandoned, maybe drafted by another run) nothing is written and this returns false.
 */
export async function saveDraftResult(db: DbClient, claim: ClaimedDraft, result: DraftResult, variantId: string | null = null): Promise<boolean> {
  const { state, action } = target[result.kind];
  const revisionId = result.kind === "note" ? randomUUID() : null;
  const after: AuditState = { state, revisionId, variantId, ...describe(result) };
  const rows = await db.$queryRaw<{ version: number }[]>`
    WITH moved AS (
      UPDATE drafts SET state = ${state}::"DraftState", version = version + 1, updated_at = ${utcNow}, ${outcomeColumns(result, revisionId)}
       WHERE id = ${claim.id} AND state = 'drafting' AND version = ${claim.version}
      RETURNING id, version
    ), audited AS (
      INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after)
      SELECT NULL, ${action}, 'draft', moved.id, jsonb_build_object('state', 'drafting', 'version', moved.version - 1),
             ${JSON.stringify(after)}::jsonb || jsonb_build_object('version', moved.version)
        FROM moved
    )${result.kind === "note" && revisionId ? Prisma.sql`, revision AS (${insertFirstRevision(revisionId, result, variantId)})` : Prisma.empty}
    SELECT version FROM moved`;
  return rows.length > 0;
}

function outcomeColumns(result: DraftResult, revisionId: string | null): Prisma.Sql {
  switch (result.kind) {
    case "note":
      return Prisma.sql`ai_decision = 'write_note', ai_rationale = ${result.rationale}, ready_at = ${utcNow},
                        current_revision_id = ${revisionId}, failure_reason = NULL, raw_output = NULL`;
    case "abstain":
      return Prisma.sql`ai_decision = ${result.decision}, ai_rationale = ${result.rationale}, failure_reason = NULL, raw_output = NULL`;
    case "failed":
      return Prisma.sql`failure_reason = ${result.reason}, raw_output = ${result.rawOutput}`;
    case "crashed":
      return Prisma.sql`failure_reason = ${result.reason}, raw_output = NULL`;
  }
}

/**
 * The draft's AI revision, inserted only if the `moved` CTE moved the draft: number 1 for a new
 * draft; for a regenerated one the next number, with the revision it replaces as its parent (the
 * subqueries read the draft as it was before this statement's update).
 */
function insertFirstRevision(id: string, outcome: NoteOutcome, variantId: string | null): Prisma.Sql {
  const { note, provenance: p } = outcome;
  const checks = { ...outcome.checks, injectionReasons: outcome.injectionReasons };
  return Prisma.sql`
    INSERT INTO revisions (id, draft_id, number, parent_id, author_kind, text, classification, misleading_tags, trustworthy_sources,
                           provider, model, prompt_version, latency_ms, input_tokens, output_tokens, rationale, checks, injection_suspected, variant_id)
    SELECT ${id}, moved.id, (SELECT coalesce(max(r.number), 0) + 1 FROM revisions r WHERE r.draft_id = moved.id),
           (SELECT d.current_revision_id FROM drafts d WHERE d.id = moved.id), 'ai', ${note.text}, ${note.classification}, ${note.misleadingTags}::text[], ${note.trustworthySources},
           ${p.provider}, ${p.model}, ${p.promptVersion}, ${p.latencyMs}::int, ${p.inputTokens}::int, ${p.outputTokens}::int,
           ${outcome.rationale}, ${JSON.stringify(checks)}::jsonb, ${outcome.injectionSuspected}, ${variantId}
      FROM moved`;
}

/** The revision columns that say which model wrote a revision and what it cost. */
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
