import "server-only";

import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { assertGatesPass } from "@/lib/gates/evaluate";
import type { Actor } from "@/lib/review/dto";

import { approveDraft } from "./approve";
import { assertDailyBudget, assertWritingLimit, writingLimitNotCheckedYet, type WritingLimitGuard } from "./budget";
import type { SubmitOutcomeDto } from "./dto";
import { currentOutcome } from "./read";
import { sendSubmission, type SubmissionDeps } from "./send";

export type ApprovalDeps = SubmissionDeps & {
  /** X's daily writing limit (production). Checked before approving: an approval takes a slot. */
  checkWritingLimit?: WritingLimitGuard;
};

/**
 * The confirm button: approve the version on screen, then send it inline. A spent budget is found
 * before approving, so it leaves the draft untouched; a double click returns the first click's
 * submission without a second call to X; on an approved draft still waiting (say, for the budget)
 * it sends that submission.
 */
export async function approveAndSubmit(draftId: string, expectedVersion: number, actor: Actor, deps: ApprovalDeps): Promise<SubmitOutcomeDto> {
  await assertCanSend(draftId, deps);
  const { submission } = await approveDraft(draftId, expectedVersion, actor);
  if (submission.state !== "pending") return currentOutcome(submission.id, false);
  try {
    return await sendSubmission(submission.id, deps, actor);
  } catch (error) {
    // Another send took the last slot between the check above and this one: approved, not sent.
    if (!(error instanceof DomainError && error.code === "limit_reached")) throw error;
    const outcome = await currentOutcome(submission.id, false);
    return { ...outcome, message: `Approved, not sent: ${error.message}` };
  }
}

/** Only before a new approval: a repeated click on an approved draft must get its submission back. */
async function assertCanSend(draftId: string, deps: ApprovalDeps): Promise<void> {
  const draft = await getDb().draft.findUnique({ where: { id: draftId }, select: { writerId: true, testMode: true, state: true } });
  if (!draft) throw new DomainError("not_found", "This draft no longer exists.");
  if (draft.state !== "ready") return;
  await assertWritingLimit(deps.checkWritingLimit ?? writingLimitNotCheckedYet, { writerId: draft.writerId, testMode: draft.testMode });
  await assertDailyBudget(getDb(), draft.writerId);
  // A note that fails a gate is refused before it is approved, leaving the draft as it was.
  await assertGatesPass({ draftId }, deps.gates);
}
