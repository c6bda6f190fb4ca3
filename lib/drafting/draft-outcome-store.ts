import "server-only";

import { randomUUID } from "node:crypto";

import type { AuditState } from "@/lib/audit/record";
import type { DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import type { ClaimedDraft } from "./draft-claims";
import type { DraftOutcome } from "./draft-post";
import type { Provenance } from "./structured-call";

/** What a drafting attempt ended in: the model's outcome, or a crash before there was one. */
export type DraftResult = DraftOutcome | { kind: "crashed"; reason: string };

/** One claimed draft's result, to be stored if the claim is still this run's. */
export type ClaimedResult = { claim: ClaimedDraft; result: DraftResult };

const target = {
  note: { state: "ready", action: "draft.draft" },
  abstain: { state: "no_note", action: "draft.abstain" },
  failed: { state: "failed", action: "draft.fail_drafting" },
  crashed: { state: "failed", action: "draft.fail_drafting" },
} as const satisfies Record<DraftResult["kind"], { state: string; action: string }>;

/**
 * Stores outcomes in one statement, so atomically and in a single round trip however many there
 * are: each draft's move out of `drafting`, the AI revision for a note (made current in the same
 * move), and the audit row. Every part hangs off the conditional update: a draft whose claim is no
 * longer this run's (recovered as abandoned, maybe drafted by another run) gets nothing written and
 * is missing from the returned ids.
 *
 * The outcomes travel as one array per column (text, not jsonb, for the strings, as a single
 * outcome's parameters would), so the statement's text is the same for 1 outcome or 40 and its
 * size does not grow with the batch.
 */
export async function saveDraftResults(db: DbClient, outcomes: readonly ClaimedResult[], variantId: string | null = null): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const rows = outcomes.map(({ claim, result }) => outcomeRow(claim, result, variantId));
  const column = <K extends keyof OutcomeRow>(key: K) => rows.map((row) => row[key]);
  const saved = await db.$queryRaw<{ id: string }[]>`
    WITH o AS (
      SELECT * FROM unnest(${column("id")}::text[], ${column("version")}::int[], ${column("state")}::text[], ${column("action")}::text[],
                           ${column("after")}::text[], ${column("decision")}::text[], ${column("rationale")}::text[],
                           ${column("failureReason")}::text[], ${column("rawOutput")}::text[], ${column("revisionId")}::text[],
                           ${column("text")}::text[], ${column("classification")}::text[], ${column("misleadingTags")}::text[],
                           ${column("trustworthySources")}::boolean[], ${column("provider")}::text[], ${column("model")}::text[],
                           ${column("promptVersion")}::text[], ${column("latencyMs")}::int[], ${column("inputTokens")}::int[],
                           ${column("outputTokens")}::int[], ${column("checks")}::text[], ${column("injectionSuspected")}::boolean[])
        AS o(id, version, state, action, after, decision, rationale, failure_reason, raw_output, revision_id, text, classification,
             misleading_tags, trustworthy_sources, provider, model, prompt_version, latency_ms, input_tokens, output_tokens, checks,
             injection_suspected)
    ), moved AS (
      UPDATE drafts AS d
         SET state = o.state::"DraftState", version = d.version + 1, updated_at = ${utcNow},
             -- A note or an abstention says what the model decided; a failure leaves the last decision as it was.
             ai_decision = CASE WHEN o.decision IS NULL THEN d.ai_decision ELSE o.decision END,
             ai_rationale = CASE WHEN o.decision IS NULL THEN d.ai_rationale ELSE o.rationale END,
             ready_at = CASE WHEN o.revision_id IS NULL THEN d.ready_at ELSE ${utcNow} END,
             current_revision_id = coalesce(o.revision_id, d.current_revision_id),
             failure_reason = o.failure_reason, raw_output = o.raw_output
        FROM o
       WHERE d.id = o.id AND d.state = 'drafting' AND d.version = o.version
      RETURNING d.id, d.version
    ), audited AS (
      INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after)
      SELECT NULL, o.action, 'draft', moved.id, jsonb_build_object('state', 'drafting', 'version', moved.version - 1),
             o.after::jsonb || jsonb_build_object('version', moved.version)
        FROM moved JOIN o ON o.id = moved.id
    ), revision AS (
      -- Number 1 for a new draft; for a regenerated one the next number, with the revision it
      -- replaces as its parent (the subqueries read the drafts as they were before this statement).
      INSERT INTO revisions (id, draft_id, number, parent_id, author_kind, text, classification, misleading_tags, trustworthy_sources,
                             provider, model, prompt_version, latency_ms, input_tokens, output_tokens, rationale, checks, injection_suspected, variant_id)
      SELECT o.revision_id, moved.id, (SELECT coalesce(max(r.number), 0) + 1 FROM revisions r WHERE r.draft_id = moved.id),
             (SELECT d.current_revision_id FROM drafts d WHERE d.id = moved.id), 'ai', o.text, o.classification,
             ARRAY(SELECT jsonb_array_elements_text(o.misleading_tags::jsonb)), o.trustworthy_sources,
             o.provider, o.model, o.prompt_version, o.latency_ms, o.input_tokens, o.output_tokens,
             o.rationale, o.checks::jsonb, o.injection_suspected, ${variantId}
        FROM moved JOIN o ON o.id = moved.id
       WHERE o.revision_id IS NOT NULL
    )
    SELECT id FROM moved`;
  return new Set(saved.map((row) => row.id));
}

/** One outcome as the statement's columns; what a kind does not set is null. */
type OutcomeRow = {
  id: string;
  version: number;
  state: string;
  action: string;
  after: string;
  decision: string | null;
  rationale: string | null;
  failureReason: string | null;
  rawOutput: string | null;
  revisionId: string | null;
  text: string | null;
  classification: string | null;
  /** JSON: an array per row does not fit a column of arrays. */
  misleadingTags: string | null;
  trustworthySources: boolean | null;
  provider: string | null;
  model: string | null;
  promptVersion: string | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  checks: string | null;
  injectionSuspected: boolean | null;
};

const noRevision = {
  revisionId: null,
  text: null,
  classification: null,
  misleadingTags: null,
  trustworthySources: null,
  provider: null,
  model: null,
  promptVersion: null,
  latencyMs: null,
  inputTokens: null,
  outputTokens: null,
  checks: null,
  injectionSuspected: null,
} as const;

function outcomeRow(claim: ClaimedDraft, result: DraftResult, variantId: string | null): OutcomeRow {
  const { state, action } = target[result.kind];
  const revisionId = result.kind === "note" ? randomUUID() : null;
  const after: AuditState = { state, revisionId, variantId, ...describe(result) };
  const moved = { id: claim.id, version: claim.version, state, action, after: JSON.stringify(after) };
  switch (result.kind) {
    case "note": {
      const { note, provenance: p } = result;
      return {
        ...moved,
        decision: "write_note",
        rationale: result.rationale,
        failureReason: null,
        rawOutput: null,
        revisionId,
        text: note.text,
        classification: note.classification,
        misleadingTags: JSON.stringify(note.misleadingTags),
        trustworthySources: note.trustworthySources,
        ...provenanceColumns(p),
        checks: JSON.stringify({ ...result.checks, injectionReasons: result.injectionReasons }),
        injectionSuspected: result.injectionSuspected,
      };
    }
    case "abstain":
      return { ...moved, decision: result.decision, rationale: result.rationale, failureReason: null, rawOutput: null, ...noRevision };
    case "failed":
      return { ...moved, decision: null, rationale: null, failureReason: result.reason, rawOutput: result.rawOutput, ...noRevision };
    case "crashed":
      return { ...moved, decision: null, rationale: null, failureReason: result.reason, rawOutput: null, ...noRevision };
  }
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
