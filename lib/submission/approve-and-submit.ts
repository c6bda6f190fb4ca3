import "server-only";

import { DomainError } from "@/lib/errors";
import { assertGatesPass, type GatePass } from "@/lib/gates/evaluate";
import { loadSubject } from "@/lib/gates/subject";
import type { Actor } from "@/lib/review/dto";

import { approveDraft } from "./approve";
import { assertWritingLimit, dailyBudgetRefusal, writingLimitNotCheckedYet, type WritingLimitGuard } from "./budget";
import type { SubmitOutcomeDto } from "./dto";
import { currentOutcome } from "./read";
import { sendSubmission, type SubmissionDeps } from "./send";
import { timed } from "./steps";

export type ApprovalDeps = SubmissionDeps & {
  /** X's daily writing limit (production). Checked before approving: an approval takes a slot. */
  checkWritingLimit?: WritingLimitGuard;
};

/**
 * The confirm button: approve the version on screen, then send it inline. A spent budget or a
 * failing gate is found before approving, so it leaves the draft untouched; the gate pass found
 * then is recorded with the approval, and the send moments later relies on it for the checks whose
 * answers can't have changed. A double click returns the first click's submission without a second
 * call to X; on an approved draft still waiting (say, for the budget) it sends that submission.
 */
export async function approveAndSubmit(draftId: string, expectedVersion: number, actor: Actor, deps: ApprovalDeps): Promise<SubmitOutcomeDto> {
  const pass = await timed(deps.steps, "checks before approval", () => checkBeforeApproval(draftId, deps));
  const { submission } = await timed(deps.steps, "approve: freeze the request and its gate pass", () => approveDraft(draftId, expectedVersion, actor, pass));
  if (submission.state !== "pending") return currentOutcome(submission.id, false);
  try {
    return await sendSubmission(submission.id, deps, actor, pass);
  } catch (error) {
    // Another send took the last slot between the check above and this one: approved, not sent.
    if (!(error instanceof DomainError && error.code === "limit_reached")) throw error;
    const outcome = await currentOutcome(submission.id, false);
    return { ...outcome, message: `Approved, not sent: ${error.message}` };
  }
}

/**
 * Only before a new approval: a repeated click on an approved draft must get its submission back,
 * so for a draft not in the queue it checks nothing (undefined: no new pass).
 */
async function checkBeforeApproval(draftId: string, deps: ApprovalDeps): Promise<GatePass | undefined> {
  const subject = await loadSubject({ draftId });
  if (subject.draftState !== "ready") return undefined;
  await assertWritingLimit(deps.checkWritingLimit ?? writingLimitNotCheckedYet, { writerId: subject.writerId, testMode: subject.feedTestMode });
  const spent = dailyBudgetRefusal(subject.standing.creates);
  if (spent) throw spent;
  // A note that fails a gate is refused before it is approved, leaving the draft as it was.
  return assertGatesPass(subject, deps.gates);
}
