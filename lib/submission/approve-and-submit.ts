import "server-only";

import { inSqlTransaction } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { assertGatesPass, type GatePass } from "@/lib/gates/evaluate";
import { loadSubject, type GateSubject } from "@/lib/gates/subject";
import type { Actor } from "@/lib/review/dto";

import { approveDraft, approveIn } from "./approve";
import { createsUnderBudgetLock, dailyBudgetRefusal } from "./budget";
import type { SubmissionDto, SubmitOutcomeDto } from "./dto";
import { currentOutcome } from "./read";
import { claimApprovedSend, deliver, sendSubmission, type SendClaim, type SubmissionDeps } from "./send";
import { timed } from "./steps";

/**
 * The confirm button: approve the version on screen and send it. A spent budget or a failing gate
 * is found before approving, so it leaves the draft untouched. The approval, the frozen request with
 * its gate pass and the claim of the send then commit together, so the click waits for the disk
 * once before calling X (docs/submission.md); the claim is still written before the call, and a
 * refusal at the claim (the day's last create taken meanwhile) leaves the draft approved, not sent.
 * A double click returns the first click's submission without a second call to X; on an approved
 * draft still waiting (say, for the budget) it sends that submission.
 */
export async function approveAndSubmit(draftId: string, expectedVersion: number, actor: Actor, deps: SubmissionDeps): Promise<SubmitOutcomeDto> {
  const checked = await timed(deps.steps, "checks before approval", () => checkBeforeApproval(draftId, deps));
  // The request the checks built is the one approved only if they read the version the approver quotes.
  const request = checked?.subject.approval?.version === expectedVersion ? checked.subject.approval.request : undefined;
  if (!checked || !request || !claimableWithApproval(checked.pass)) return approveThenSend(draftId, expectedVersion, actor, deps, checked?.pass);
  const { pass, subject } = checked;

  const { submission, claim } = await timed(deps.steps, "approve and claim the send, one transaction", () =>
    inSqlTransaction(async (tx): Promise<{ submission: SubmissionDto; claim: SendClaim | null }> => {
      // The budget lock and the count go out first, the approval's statements right behind them, in
      // one round trip; the lock before the draft's row, the order every send keeps.
      const counted = createsUnderBudgetLock(tx, subject.writerId);
      const approval = approveIn(tx, { draftId, expectedVersion, actor, request, gatePass: pass });
      const [{ submission, frozen }, creates] = await Promise.all([approval, counted]);
      // Approved by an earlier click (the draft had left the queue meanwhile): that click's submission decides.
      if (!frozen) return { submission, claim: null };
      return { submission, claim: await claimApprovedSend(tx, { submission, frozen }, pass, actor.id, creates) };
    }),
  );
  if (!claim) return sendIfPending(submission, deps, actor);
  return deliver(submission.id, claim, deps, actor.id);
}

/** A pass that relied on an override goes through sendSubmission, which marks the override used by the send. */
function claimableWithApproval(pass: GatePass): boolean {
  return pass.overrides.length === 0 && pass.claimOpinionScore !== null;
}

/** Approval in its own transaction, then the send judged again in full: the path for everything but a plain new approval. */
async function approveThenSend(draftId: string, expectedVersion: number, actor: Actor, deps: SubmissionDeps, pass: GatePass | undefined): Promise<SubmitOutcomeDto> {
  const { submission } = await timed(deps.steps, "approve: freeze the request and its gate pass", () => approveDraft(draftId, expectedVersion, actor, pass));
  return sendIfPending(submission, deps, actor, pass);
}

async function sendIfPending({ id: submissionId, state }: SubmissionDto, deps: SubmissionDeps, actor: Actor, pass?: GatePass): Promise<SubmitOutcomeDto> {
  if (state !== "pending") return currentOutcome(submissionId, false);
  try {
    return await sendSubmission(submissionId, deps, actor, pass);
  } catch (error) {
    // Another send took the last slot between the check above and this one: approved, not sent.
    if (!(error instanceof DomainError && error.code === "limit_reached")) throw error;
    const now = await currentOutcome(submissionId, false);
    return { ...now, message: `Approved, not sent: ${error.message}` };
  }
}

/**
 * Only before a new approval: a repeated click on an approved draft must get its submission back,
 * so for a draft not in the queue it checks nothing (undefined: no new pass).
 */
async function checkBeforeApproval(draftId: string, deps: SubmissionDeps): Promise<{ pass: GatePass; subject: GateSubject } | undefined> {
  const subject = await loadSubject({ draftId });
  if (subject.draftState !== "ready") return undefined;
  const spent = dailyBudgetRefusal(subject.standing.creates);
  if (spent) throw spent;
  // A note that fails a gate is refused before it is approved, leaving the draft as it was; X's daily
  // writing limit (production) is one of them, as an approval takes a slot.
  return { pass: await assertGatesPass(subject, deps.gates), subject };
}
