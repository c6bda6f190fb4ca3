import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import type { Tx } from "@/lib/review/sql";

const WITHDRAWN = "The approval was withdrawn before the note was sent.";

/**
 * Un-approving sets the frozen request aside, in the transaction that moves the draft back to the
 * queue. The row is kept (as failed, like any submission that may be approved again) so its attempt
 * count still weighs in the daily budget. Only a pending one: once sending has begun the draft is no
 * longer "approved" and the caller's move has already been refused.
 */
export async function withdrawPendingSubmission(tx: Tx, draftId: string, actorId: string): Promise<void> {
  const [withdrawn] = await tx.$queryRaw<{ id: string }[]>`
    UPDATE submissions SET state = 'failed', last_error = ${WITHDRAWN}
    WHERE draft_id = ${draftId} AND state = 'pending'
    RETURNING id`;
  if (!withdrawn) throw new DomainError("invalid_state", "The note is already being sent, so the approval can't be withdrawn.");
  await recordAudit(tx, {
    actorId,
    action: "submission.withdraw",
    subjectType: "submission",
    subjectId: withdrawn.id,
    before: { state: "pending" },
    after: { state: "failed" },
  });
}
