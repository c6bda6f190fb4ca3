import "server-only";

import { randomUUID } from "node:crypto";

import { auditJson, auditRowsFrom } from "@/lib/audit/record";
import { inSqlTransaction, Prisma, refusalOf, sql, sqlAssertion, type SqlRunner } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { GatePass } from "@/lib/gates/evaluate";
import type { Actor } from "@/lib/review/dto";
import { draftMoveCtes, explainRefusal } from "@/lib/review/move-draft";
import { utcNow } from "@/lib/review/sql";

import type { SubmissionDto } from "./dto";
import type { FrozenSubmission } from "./note-request";
import { gatePassAudit, gatePassInsert, gatePassSet, toGatePassDto } from "./gate-pass";
import { noteRequestOf, readDraftNote, type PreparedNoteRequest } from "./prepare";
import { findSubmission } from "./read";

export type Approval = {
  submission: SubmissionDto;
  alreadyApproved: boolean;
  /** A new approval's row as stored (the body read back from the database), for verifying before a send in the same transaction. */
  frozen?: FrozenSubmission;
};

/** "Draft D approved at version V": the same click twice computes the same key. */
export function idempotencyKey(draftId: string, version: number): string {
  return `draft:${draftId}:v${version}`;
}

/**
 * Approves the draft at the version the approver saw and, in the same transaction, freezes the
 * request as a pending Submission with the gate pass that judged it (when there is one; it must be
 * for exactly the payload frozen). The unique draft_id and (writer, post, mode) make a second
 * submission impossible; a second click on the same version gets the first one back.
 */
export async function approveDraft(draftId: string, expectedVersion: number, actor: Actor, gatePass?: GatePass): Promise<Approval> {
  const note = await readDraftNote(sql(), draftId);
  // Only the note at the version the approver quotes may be frozen; any other answers as a refusal does.
  if (note?.draftVersion !== expectedVersion) return inSqlTransaction((tx) => refusedApproval(tx, draftId, expectedVersion, actor));
  const request = noteRequestOf(note);
  return inSqlTransaction((tx) => approveIn(tx, { draftId, expectedVersion, actor, request, gatePass }));
}

export type ApprovalInput = {
  draftId: string;
  expectedVersion: number;
  actor: Actor;
  /** Built from the draft's note as read at `expectedVersion`: the move's version check makes it the note approved. */
  request: PreparedNoteRequest;
  gatePass?: GatePass;
  /** The id a new submission row gets (a failed one reused keeps its own); made here when not given. */
  newSubmissionId?: string;
};

/** approveDraft in the caller's transaction: the approval, or the answer to a repeated one, or why not. */
export async function approveIn(tx: SqlRunner, input: ApprovalInput): Promise<Approval> {
  return (await freezeApproval(tx, input)) ?? refusedApproval(tx, input.draftId, input.expectedVersion, input.actor);
}

/**
 * The approval's one statement: the draft's move and the freeze of its request, the submission written
 * only if the draft moved. null when it didn't (nothing changed: see refusedApproval). If the writer
 * left the request's mode meanwhile, the statement fails, so its transaction keeps nothing, even with
 * a COMMIT already sent behind it (approve-and-submit.ts).
 */
export async function freezeApproval(tx: SqlRunner, { draftId, expectedVersion, actor, request, gatePass, newSubmissionId }: ApprovalInput): Promise<Approval | null> {
  if (gatePass && gatePass.payloadHash !== request.payloadHash) {
    throw new DomainError("conflict", "The note changed while its checks ran. Look at the new version's checks, then approve again.");
  }
  const key = idempotencyKey(draftId, expectedVersion);
  const body = JSON.stringify(request.body);
  const pass = gatePassInsert(gatePass);
  const mode = request.testMode ? "test" : "production";
  // The submission's rows wait on the draft's move (InitPlans over `moved`), so the draft row is
  // locked first, as everywhere. After X refused a note for good, the draft's one submission row is
  // reused for the new approval.
  const freezable = Prisma.sql`EXISTS (SELECT 1 FROM moved) AND (SELECT w.test_mode FROM writers w WHERE w.id = ${request.writerId}) = ${request.testMode}`;
  const [row] = await frozenOrRefused(tx.$queryRaw<FreezeRow[]>`
    WITH ${draftMoveCtes({
      action: "approve",
      draftId,
      actorId: actor.id,
      expectedVersion,
      set: [Prisma.sql`decided_by_id = ${actor.id}`, Prisma.sql`decided_at = ${utcNow}`],
    })}, reused AS (
      UPDATE submissions
         SET ${Prisma.join(
           [
             Prisma.sql`idempotency_key = ${key}, request_body = ${body}::jsonb, payload_hash = ${request.payloadHash}, test_mode = ${request.testMode}`,
             Prisma.sql`approved_by_id = ${actor.id}, state = 'pending', updated_at = ${utcNow}`,
             Prisma.sql`x_note_id = NULL, response = NULL, last_error = NULL, completed_at = NULL`,
             ...gatePassSet(gatePass),
           ],
           ", ",
         )}
       WHERE draft_id = ${draftId} AND state = 'failed' AND ${freezable}
      RETURNING id, attempts, created_at, gate_pass_at, request_body, payload_hash, gate_pass_hash
    ), created AS (
      INSERT INTO submissions (id, draft_id, writer_id, post_id, test_mode, idempotency_key, request_body, payload_hash, approved_by_id, state, created_at, updated_at, ${pass.columns})
      SELECT ${newSubmissionId ?? randomUUID()}::text, ${draftId}::text, ${request.writerId}::text, ${request.postId}::text, ${request.testMode}::boolean, ${key}::text,
             ${body}::jsonb, ${request.payloadHash}::text, ${actor.id}::text, 'pending', ${utcNow}, ${utcNow}, ${pass.values}
       WHERE ${freezable} AND NOT EXISTS (SELECT 1 FROM reused)
      RETURNING id, attempts, created_at, gate_pass_at, request_body, payload_hash, gate_pass_hash
    ), frozen AS (
      SELECT id, attempts, created_at, gate_pass_at, request_body, payload_hash, gate_pass_hash, true AS reused FROM reused
      UNION ALL
      SELECT id, attempts, created_at, gate_pass_at, request_body, payload_hash, gate_pass_hash, false FROM created
    ), audited AS (
      ${auditRowsFrom("frozen", {
        actorId: actor.id,
        action: Prisma.sql`CASE WHEN frozen.reused THEN 'submission.reapprove' ELSE 'submission.create' END`,
        subjectType: "submission",
        subjectId: Prisma.sql`frozen.id`,
        before: Prisma.sql`NULL`,
        after: auditJson({}, { state: "pending", draftId, payloadHash: request.payloadHash, mode, ...gatePassAudit(gatePass) }),
      })}
    )
    SELECT (SELECT count(*) FROM moved)::int AS moved, f.id, f.attempts, f.created_at AS "createdAt", f.gate_pass_at AS "gatePassAt",
           f.request_body AS "requestBody", f.payload_hash AS "payloadHash", f.gate_pass_hash AS "gatePassHash",
           ${sqlAssertion(Prisma.sql`(SELECT count(*) FROM moved) = (SELECT count(*) FROM frozen)`, MODE_LEFT)}
      FROM (SELECT 1) one LEFT JOIN frozen f ON true`, mode);
  if (!row?.moved || !row.id) return null;
  const submission: SubmissionDto = {
    id: row.id,
    draftId,
    state: "pending",
    mode,
    attempts: row.attempts,
    xNoteId: null,
    lastError: null,
    approvedBy: { id: actor.id, name: actor.name },
    requestBody: request.body,
    createdAt: row.createdAt,
    completedAt: null,
    gatePass: toGatePassDto({
      payloadHash: request.payloadHash,
      gatePassHash: gatePass?.payloadHash ?? null,
      gatePassScore: gatePass?.claimOpinionScore ?? null,
      gatePassAt: row.gatePassAt,
      gatePassResults: gatePass?.gates ?? null,
    }),
  };
  const frozen: FrozenSubmission = {
    writerId: request.writerId,
    postId: request.postId,
    testMode: request.testMode,
    requestBody: row.requestBody,
    payloadHash: row.payloadHash,
    gatePassHash: row.gatePassHash,
  };
  return { submission, alreadyApproved: false, frozen };
}

const MODE_LEFT = "the writer left the request's mode";

async function frozenOrRefused<T>(statement: Promise<T>, mode: string): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    if (refusalOf(error) !== MODE_LEFT) throw error;
    throw new DomainError("blocked", `This draft's writer is no longer in ${mode} mode, so it can't be approved for the ${mode} feed.`);
  }
}

type FreezeRow = { moved: number } & (
  | { id: string; attempts: number; createdAt: Date; gatePassAt: Date | null; requestBody: unknown; payloadHash: string; gatePassHash: string | null }
  | { id: null; attempts: null; createdAt: null; gatePassAt: null; requestBody: null; payloadHash: null; gatePassHash: null }
);

/** The draft didn't move: the earlier approval of this same version if there is one, else why not. */
export async function refusedApproval(tx: SqlRunner, draftId: string, expectedVersion: number, actor: Actor): Promise<Approval> {
  const existing = await approvalOf(tx, draftId, expectedVersion);
  if (existing) return { submission: existing, alreadyApproved: true };
  return explainRefusal(tx, { action: "approve", draftId, actorId: actor.id, expectedVersion });
}

/**
 * The submission a repeated approval should get back: the one made from exactly the version the
 * approver quotes — either by that approval (the key) or as the approved state they are looking at.
 */
async function approvalOf(tx: SqlRunner, draftId: string, version: number): Promise<SubmissionDto | null> {
  const byKey = await findSubmission({ idempotencyKey: idempotencyKey(draftId, version) }, tx);
  if (byKey) return byKey;
  const [draft] = await tx.$queryRaw<{ version: number; state: string }[]>`SELECT version, state::text FROM drafts WHERE id = ${draftId}`;
  if (draft?.version !== version || !["approved", "submitting", "submitted", "needs_reconcile"].includes(draft.state)) return null;
  return findSubmission({ draftId }, tx);
}
