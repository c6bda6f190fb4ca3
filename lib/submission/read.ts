import "server-only";

import { Prisma, sql, type DraftState, type SqlRunner, type SubmissionState } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import type { SubmissionDto, SubmitOutcomeDto } from "./dto";
import { toGatePassDto, type GatePassColumns } from "./gate-pass";

type Row = GatePassColumns & {
  id: string;
  draftId: string;
  state: SubmissionState;
  testMode: boolean;
  attempts: number;
  xNoteId: string | null;
  lastError: string | null;
  approvedById: string;
  approvedByName: string;
  requestBody: unknown;
  createdAt: Date;
  completedAt: Date | null;
  draftState: DraftState;
  draftVersion: number;
};

/** One statement for a submission, who approved it and its draft's standing (read on every send, so no per-relation queries). */
async function readSubmission(where: Prisma.Sql, tx: SqlRunner): Promise<Row | null> {
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT s.id, s.draft_id AS "draftId", s.state::text AS state, s.test_mode AS "testMode", s.attempts, s.x_note_id AS "xNoteId",
           s.last_error AS "lastError", u.id AS "approvedById", u.name AS "approvedByName", s.request_body AS "requestBody",
           s.created_at AS "createdAt", s.completed_at AS "completedAt", s.payload_hash AS "payloadHash",
           s.gate_pass_hash AS "gatePassHash", s.gate_pass_score AS "gatePassScore", s.gate_pass_at AS "gatePassAt",
           s.gate_pass_results AS "gatePassResults", d.state::text AS "draftState", d.version AS "draftVersion"
      FROM submissions s
      JOIN users u ON u.id = s.approved_by_id
      JOIN drafts d ON d.id = s.draft_id
     WHERE ${where}`;
  return row ?? null;
}

function toSubmissionDto(row: Row): SubmissionDto {
  return {
    id: row.id,
    draftId: row.draftId,
    state: row.state,
    mode: row.testMode ? "test" : "production",
    attempts: row.attempts,
    xNoteId: row.xNoteId,
    lastError: row.lastError,
    approvedBy: { id: row.approvedById, name: row.approvedByName },
    requestBody: row.requestBody,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    gatePass: toGatePassDto(row),
  };
}

export type SubmissionKey = { id: string } | { draftId: string } | { idempotencyKey: string };

const whereOf = (key: SubmissionKey): Prisma.Sql =>
  "id" in key ? Prisma.sql`s.id = ${key.id}` : "draftId" in key ? Prisma.sql`s.draft_id = ${key.draftId}` : Prisma.sql`s.idempotency_key = ${key.idempotencyKey}`;

export async function findSubmission(key: SubmissionKey, tx: SqlRunner = sql()): Promise<SubmissionDto | null> {
  const row = await readSubmission(whereOf(key), tx);
  return row && toSubmissionDto(row);
}

/** The submission and its draft as they stand now, with the sentence the UI shows. */
export async function currentOutcome(submissionId: string, sent: boolean, tx: SqlRunner = sql()): Promise<SubmitOutcomeDto> {
  const row = await readSubmission(whereOf({ id: submissionId }), tx);
  if (!row) throw new DomainError("not_found", "This submission no longer exists.");
  const dto = toSubmissionDto(row);
  return { submission: dto, draft: { id: row.draftId, state: row.draftState, version: row.draftVersion }, sent, message: describeSubmission(dto) };
}

/** What the person at the confirm button reads for each state. */
const sentenceFor: Record<SubmissionState, (s: SubmissionDto) => string> = {
  pending: (s) => (s.lastError ? `Approved, not sent yet. ${s.lastError}` : "Approved, not sent yet."),
  sending: () => "Being sent to X…",
  succeeded: (s) => `Submitted to X in ${s.mode} mode${s.xNoteId ? ` as note ${s.xNoteId}` : ""}.`,
  failed: (s) => `${s.lastError ?? "The submission failed."} Reopen the draft to edit it and approve again.`,
  needs_reconcile: (s) =>
    `It is unknown whether X created the note${s.lastError ? ` (${s.lastError})` : ""}. Reconcile checks X's list of this writer's notes before anything is sent again.`,
};

export function describeSubmission(submission: SubmissionDto): string {
  return sentenceFor[submission.state](submission);
}
