import "server-only";

import { getDb, Prisma } from "@/lib/db";
import { advanceSubmission } from "@/lib/submission/advance";

/**
 * After a mode switch, approvals made in the old mode can never be sent: their drafts came from the
 * other feed. They are ended now (submission failed, draft failed, audited as submission.block)
 * rather than left to be refused at send time, so the queue shows at once that they need nothing
 * more. The send path re-checks the mode anyway, so a failure here leaves nothing unsafe.
 * Returns how many were voided.
 */
export async function voidApprovalsForWriter(writerId: string, actorId: string | null): Promise<number> {
  const writer = await getDb().writer.findUnique({ where: { id: writerId }, select: { testMode: true } });
  if (!writer) return 0;
  const stale = await getDb().submission.findMany({
    where: { writerId, state: "pending", testMode: !writer.testMode },
    select: { id: true, draftId: true },
  });
  const why = `The writer was switched to ${writer.testMode ? "test" : "production"} mode after this was approved, so the approval no longer holds. Nothing was sent to X.`;
  let voided = 0;
  for (const { id, draftId } of stale) {
    const moved = await advanceSubmission({
      step: "block",
      submissionId: id,
      draftId,
      actorId,
      set: [Prisma.sql`last_error = ${why}`],
      audit: { reason: "writer mode switched" },
    });
    if (moved) voided += 1;
  }
  return voided;
}
