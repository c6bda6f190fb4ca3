import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { Prisma } from "@/lib/db";
import type { Actor } from "@/lib/review/dto";
import { explainRefusal, tryMoveDraft } from "@/lib/review/move-draft";
import { inTransaction, utcNow, type Tx } from "@/lib/review/sql";

import type { SubmissionDto } from "./dto";
import { prepareNoteRequest } from "./prepare";
import { findSubmission, submissionSelect, toSubmissionDto } from "./read";

export type Approval = { submission: SubmissionDto; alreadyApproved: boolean };

/** "Draft D approved at version V": the same click twice computes the same key. */
export function idempotencyKey(draftId: string, version: number): string {
  return `draft:${draftId}:v${version}`;
}

/**
 * Approves the draft at the version the approver saw and, in the same transaction, freezes the
 * request as a pending Submission. The unique draft_id and (writer, post, mode) make a second
 * submission impossible; a second click on the same version gets the first one back.
 */
export async function approveDraft(draftId: string, expectedVersion: number, actor: Actor): Promise<Approval> {
  return inTransaction(async (tx) => {
    const moved = await tryMoveDraft(tx, {
      action: "approve",
      draftId,
      actorId: actor.id,
      expectedVersion,
      set: [Prisma.sql`decided_by_id = ${actor.id}`, Prisma.sql`decided_at = ${utcNow}`],
    });
    if (!moved) {
      const existing = await approvalOf(tx, draftId, expectedVersion);
      if (existing) return { submission: existing, alreadyApproved: true };
      return explainRefusal(tx, { action: "approve", draftId, actorId: actor.id, expectedVersion });
    }

    const request = await prepareNoteRequest(tx, draftId);
    const frozen = {
      idempotencyKey: idempotencyKey(draftId, expectedVersion),
      requestBody: request.body,
      payloadHash: request.payloadHash,
      testMode: request.testMode,
      approvedById: actor.id,
      state: "pending" as const,
    };
    // After X refused a note for good, the draft's one submission row is reused for the new approval.
    const reused = await tx.submission.updateMany({
      where: { draftId, state: "failed" },
      data: { ...frozen, xNoteId: null, response: Prisma.DbNull, lastError: null, completedAt: null, updatedAt: new Date() },
    });
    const submission = reused.count
      ? await tx.submission.findUniqueOrThrow({ where: { draftId }, select: submissionSelect })
      : await tx.submission.create({
          data: { ...frozen, draftId, writerId: request.writerId, postId: request.postId },
          select: submissionSelect,
        });
    await recordAudit(tx, {
      actorId: actor.id,
      action: reused.count ? "submission.reapprove" : "submission.create",
      subjectType: "submission",
      subjectId: submission.id,
      after: { state: "pending", draftId, payloadHash: request.payloadHash, mode: request.testMode ? "test" : "production" },
    });
    return { submission: toSubmissionDto(submission), alreadyApproved: false };
  });
}

/**
 * The submission a repeated approval should get back: the one made from exactly the version the
 * approver quotes — either by that approval (the key) or as the approved state they are looking at.
 */
async function approvalOf(tx: Tx, draftId: string, version: number): Promise<SubmissionDto | null> {
  const byKey = await findSubmission({ idempotencyKey: idempotencyKey(draftId, version) }, tx);
  if (byKey) return byKey;
  const draft = await tx.draft.findUnique({ where: { id: draftId }, select: { version: true, state: true } });
  if (draft?.version !== version || !["approved", "submitting", "submitted", "needs_reconcile"].includes(draft.state)) return null;
  return findSubmission({ draftId }, tx);
}
