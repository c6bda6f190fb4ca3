import "server-only";

import { randomUUID } from "node:crypto";

import { inSqlTransaction, pipelined } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { assertGatesPass, type GatePass } from "@/lib/gates/evaluate";
import { loadSubject, type GateSubject } from "@/lib/gates/subject";
import type { Actor } from "@/lib/review/dto";

import { approveDraft, freezeApproval, refusedApproval, type Approval } from "./approve";
import { createsInLastDay, dailyBudgetRefusal, lockWriterBudget } from "./budget";
import type { SubmissionDto, SubmitOutcomeDto } from "./dto";
import { verifyFrozenRequest } from "./note-request";
import { currentOutcome } from "./read";
import { claimFrozenSend, deliver, sendSubmission, type SendClaim, type SubmissionDeps } from "./send";
import { timed } from "./steps";

/**
 * The confirm button: approve the version on screen and send it. A spent budget or a failing gate
 * is found before approving, so it leaves the draft untouched. Then one transaction, sent in one go
 * (docs/submission.md): the writer's budget lock, the approval with its frozen request and gate pass,
 * the claim of the send (which counts the day's creates under that lock), and the COMMIT, which waits
 * for the disk before X is called; the claim is written before the call, and a claim refused (the
 * day's last create taken meanwhile) leaves the draft approved, not sent. A double click returns the first click's submission
 * without a second call to X; on an approved draft still waiting (say, for the budget) it sends that
 * submission.
 */
export async function approveAndSubmit(draftId: string, expectedVersion: number, actor: Actor, deps: SubmissionDeps): Promise<SubmitOutcomeDto> {
  const checked = await timed(deps.steps, "checks before approval", () => checkBeforeApproval(draftId, deps));
  // The request the checks built is the one approved only if they read the version the approver quotes.
  const request = checked?.subject.approval?.version === expectedVersion ? checked.subject.approval.request : undefined;
  if (!checked || !request || !claimableWithApproval(checked.pass)) return approveThenSend(draftId, expectedVersion, actor, deps, checked?.pass);
  const { pass, subject } = checked;
  // A failed submission is reused by the approval (approve.ts); otherwise the new row gets this id.
  const newSubmissionId = randomUUID();
  const submissionId = subject.submission?.state === "failed" ? subject.submission.id : newSubmissionId;

  const { approval, claimed } = await timed(deps.steps, "approve and claim the send, one transaction", () =>
    inSqlTransaction(async (tx) => {
      // Sent together, run in this order: the lock before the draft's row, the order every send keeps.
      // The claim counts the day's creates itself, under the lock.
      const [, approval, claimed] = await pipelined(
        lockWriterBudget(tx, subject.writerId),
        freezeApproval(tx, { draftId, expectedVersion, actor, request, gatePass: pass, newSubmissionId }),
        claimFrozenSend(tx, { submissionId, draftId, request }, pass, actor.id),
        tx.commit(),
      );
      return { approval, claimed };
    }),
  );
  // Approved by an earlier click (the draft had left the queue meanwhile): that click's submission decides.
  if (!approval) return sendIfPending((await inSqlTransaction((tx) => refusedApproval(tx, draftId, expectedVersion, actor))).submission, deps, actor);
  return deliver(approval.submission.id, await claimOf(approval, claimed, subject.writerId), deps, actor.id);
}

/** What the one transaction's claim means for the call to X. */
async function claimOf({ submission, frozen }: Approval, claimed: boolean, writerId: string): Promise<SendClaim> {
  if (!claimed || !frozen) {
    // Only the day's budget stops a claim of a row just frozen: say when the next create frees up.
    const spent = dailyBudgetRefusal(await createsInLastDay(writerId));
    return { kind: "not_claimed", message: `Approved, not sent: ${spent?.message ?? "the send could not be claimed; send it again."}` };
  }
  // The claim only took a body equal to the request judged; what is sent is read from the stored row all the same.
  const verified = verifyFrozenRequest(frozen, frozen.testMode);
  if (!verified.ok) throw new Error(`submission ${submission.id} was claimed but its stored request fails verification: ${verified.reason}`);
  return { kind: "claimed", claimed: { ...frozen, id: submission.id, draftId: submission.draftId, attempt: submission.attempts + 1 }, note: verified.note };
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
