import "server-only";

import { Prisma, type DbClient } from "@/lib/db";
import type { DraftResult } from "@/lib/drafting/draft-outcome-store";
import { utcNow } from "@/lib/review/sql";

/** What made a shadow draft, for the row's provenance when the attempt crashed before the model said. */
export type ShadowOrigin = { variantId: string; draftId: string; provider: string; model: string; promptVersion: string };

/** Which attempt this is (1 for the first) and the shadow run making it. */
export type ShadowAttempt = { number: number; runId: string };

const outcomeOf = { note: "note", abstain: "abstain", failed: "failed", crashed: "failed" } as const;

/** Every column an attempt sets; a retry overwrites them all, so the row is the latest attempt's. */
const attemptColumns = [
  "outcome", "decision", "text", "classification", "misleading_tags", "trustworthy_sources", "rationale", "failure_reason", "raw_output",
  "provider", "model", "prompt_version", "latency_ms", "input_tokens", "output_tokens", "checks", "injection_suspected", "attempts", "run_id", "created_at",
];
const takeRetry = Prisma.raw(attemptColumns.map((column) => `${column} = EXCLUDED.${column}`).join(", "));

/**
 * Stores a shadow variant's outcome for one post, with its audit row, in one statement. Shadow drafts
 * have a table of their own: nothing that reads drafts or revisions (the queue, approval, submission)
 * can ever see one. A retry replaces the row only while it is still the failure the retry was made
 * for (failed, with one attempt fewer), so a note or abstention is never overwritten and two runs
 * cannot both count one attempt. Returns whether this outcome was kept.
 */
export async function saveShadowDraft(db: DbClient, origin: ShadowOrigin, result: DraftResult, attempt: ShadowAttempt): Promise<boolean> {
  const outcome = outcomeOf[result.kind];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH saved AS (
      INSERT INTO shadow_drafts (id, variant_id, draft_id, outcome, decision, text, classification, misleading_tags, trustworthy_sources,
                                 rationale, failure_reason, raw_output, provider, model, prompt_version, latency_ms, input_tokens,
                                 output_tokens, checks, injection_suspected, attempts, run_id, created_at)
      VALUES (gen_random_uuid()::text, ${origin.variantId}, ${origin.draftId}, ${outcome}::"ShadowDraftOutcome", ${columns(origin, result)},
              ${attempt.number}::int, ${attempt.runId}, ${utcNow})
      ON CONFLICT (variant_id, draft_id) DO UPDATE SET ${takeRetry}
       WHERE shadow_drafts.outcome = 'failed' AND shadow_drafts.attempts = ${attempt.number - 1}::int
      RETURNING id
    ), audited AS (
      INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after)
      SELECT NULL, 'variant.shadow_draft', 'variant', ${origin.variantId}, NULL,
             jsonb_build_object('draftId', ${origin.draftId}::text, 'shadowDraftId', saved.id, 'outcome', ${outcome}::text,
                                'attempt', ${attempt.number}::int, 'runId', ${attempt.runId}::text)
        FROM saved
    )
    SELECT id FROM saved`;
  return rows.length > 0;
}

/** decision … injection_suspected, in the INSERT's order. */
function columns(origin: ShadowOrigin, result: DraftResult): Prisma.Sql {
  if (result.kind === "crashed") {
    return Prisma.sql`NULL, NULL, NULL, '{}'::text[], NULL, NULL, ${result.reason}, NULL, ${origin.provider}, ${origin.model}, ${origin.promptVersion},
                      0, NULL, NULL, '{}'::jsonb, false`;
  }
  const p = result.provenance;
  const provenance = Prisma.sql`${p.provider}, ${p.model}, ${p.promptVersion}, ${p.latencyMs}::int, ${p.inputTokens}::int, ${p.outputTokens}::int`;
  switch (result.kind) {
    case "note": {
      const { note } = result;
      const checks = { ...result.checks, injectionReasons: result.injectionReasons };
      return Prisma.sql`'write_note', ${note.text}, ${note.classification}, ${note.misleadingTags}::text[], ${note.trustworthySources}, ${result.rationale},
                        NULL, NULL, ${provenance}, ${JSON.stringify(checks)}::jsonb, ${result.injectionSuspected}`;
    }
    case "abstain":
      return Prisma.sql`${result.decision}, NULL, NULL, '{}'::text[], NULL, ${result.rationale}, NULL, NULL, ${provenance}, '{}'::jsonb, false`;
    case "failed":
      return Prisma.sql`NULL, NULL, NULL, '{}'::text[], NULL, NULL, ${result.reason}, ${result.rawOutput}, ${provenance}, '{}'::jsonb, false`;
  }
}
