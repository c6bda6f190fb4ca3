import "server-only";

import type { AuditState } from "@/lib/audit/record";
import { inSqlTransaction, Prisma, type SqlRunner } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";
import { utcNow } from "@/lib/review/sql";
import { assertGatesPass, type GateDeps, type GatePass } from "@/lib/gates/evaluate";
import { subjectOfFrozen, type GateSubject } from "@/lib/gates/subject";
import { XApiError, type CreateNoteOutcome, type NewNote } from "@/lib/x";

import { advanceAndRead, advanceSubmission, advanceSubmissionIn, StaleSubmission, type SubmissionMove } from "./advance";
import { createsInLastDaySql, createsUnderBudgetLock, DAILY_CREATE_LIMIT, dailyBudgetRefusal } from "./budget";
import type { SubmitOutcomeDto } from "./dto";
import { readFrozenSubmission } from "./frozen";
import { gatePassAudit, gatePassSet } from "./gate-pass";
import { verifyFrozenRequest } from "./note-request";
import type { PreparedNoteRequest } from "./prepare";
import { currentOutcome } from "./read";
import type { NoteSender } from "./sender";
import { timed, type StepLog } from "./steps";

/**
 * `gates` judges the frozen request once more right before the call (lib/gates: appGateDeps in the
 * app); `steps` collects each step's timing (bench/queue).
 */
export type SubmissionDeps = { sender: NoteSender; gates: GateDeps; steps?: StepLog };

type Claimed = { id: string; draftId: string; postId: string; testMode: boolean; attempt: number };

/** The send this caller won (it alone calls X), or why there is nothing to send. */
export type SendClaim = { kind: "claimed"; claimed: Claimed; note: NewNote } | { kind: "not_claimed"; message?: string };

/**
 * Sends a pending submission to X at most once per claim. Whoever wins the conditional
 * pending → sending update makes the one call; everyone else gets the submission as it stands.
 * The frozen request is checked against its approval hash (and the gate pass recorded with it)
 * first and is never sent if it differs. `approval`: the gate pass the approval in this same call
 * recorded, which spares judging again what can't have changed since (lib/gates' assertGatesPass).
 */
export async function sendSubmission(submissionId: string, deps: SubmissionDeps, actor: Actor | null, approval?: GatePass): Promise<SubmitOutcomeDto> {
  const claim = await claimPendingSend(submissionId, deps, actor?.id ?? null, approval);
  return deliver(submissionId, claim, deps, actor?.id ?? null);
}

/** After a claim: the one call to X and its answer recorded, or the submission as it stands. */
export async function deliver(submissionId: string, claim: SendClaim, deps: SubmissionDeps, actorId: string | null): Promise<SubmitOutcomeDto> {
  if (claim.kind === "not_claimed") {
    const outcome = await currentOutcome(submissionId, false);
    return claim.message ? { ...outcome, message: claim.message } : outcome;
  }
  const outcome = await timed(deps.steps, "POST /2/notes", () => callX(deps.sender, claim.note));
  const move = await answerMove(claim.claimed, outcome, deps.sender, actorId);
  return timed(deps.steps, "record X's answer, read the outcome", () => advanceAndRead(move));
}

async function claimPendingSend(submissionId: string, deps: SubmissionDeps, actorId: string | null, approval?: GatePass): Promise<SendClaim> {
  const frozen = await timed(deps.steps, "read the frozen request, verify its hash", () => readFrozenSubmission(submissionId));
  if (!frozen) throw new DomainError("not_found", "This submission no longer exists.");
  if (frozen.state !== "pending") return { kind: "not_claimed" };

  const verified = verifyFrozenRequest(frozen, frozen.writerTestMode);
  if (!verified.ok) {
    await advanceSubmission(blocked(frozen, verified.reason, actorId));
    return { kind: "not_claimed" };
  }

  // Only a pass this row records for this payload stands in for judging again.
  const recorded = approval && frozen.gatePassHash === approval.payloadHash ? approval : undefined;
  const judged = await timed(deps.steps, "gates at send", () => judgeAtSend(subjectOfFrozen(frozen, verified.note), deps.gates, recorded));
  if (!judged.ok) return { kind: "not_claimed", message: `Approved, not sent. ${judged.blocked.replace(/^Not sent\.\s*/, "")}` };

  const pass = judged.pass;
  const won = await timed(deps.steps, "claim the send (budget lock)", async () => {
    try {
      return await inSqlTransaction(async (tx) => {
        const spent = dailyBudgetRefusal(await createsUnderBudgetLock(tx, frozen.writerId));
        if (spent) throw spent;
        // A pass judged here (no approval's pass to rely on) is what this send relied on: record it.
        const how = pass.reusedFromApproval ? "the approval's, re-checked" : "judged at send";
        return advanceSubmissionIn(tx, claimMove(frozen, actorId, pass.reusedFromApproval ? [] : gatePassSet(pass), gatePassAudit(pass, how)));
      });
    } catch (error) {
      if (error instanceof StaleSubmission) return false;
      throw error;
    }
  });
  if (!won) return { kind: "not_claimed" };
  return { kind: "claimed", claimed: { ...frozen, attempt: frozen.attempts + 1 }, note: verified.note };
}

/**
 * The click's claim, sent in the transaction that approves and freezes the request, right behind the
 * freeze and ahead of the COMMIT, so all of it is one round trip (approve-and-submit.ts). It takes
 * only the row this transaction froze, only if the body stored there is exactly the request that was
 * hashed and judged, and only while the writer's day has a create left, counted under the budget lock
 * the transaction took first. Every gate was judged for this payload moments before by the checks
 * that let the approval through, so they are not asked again; a pass that relied on an override never
 * comes here (the send must mark the override used: sendSubmission does). false: not claimed, and
 * the approval commits all the same: approved, not sent.
 */
export function claimFrozenSend(tx: SqlRunner, frozen: { submissionId: string; draftId: string; request: PreparedNoteRequest }, pass: GatePass, actorId: string): Promise<boolean> {
  const { request } = frozen;
  const subject = { id: frozen.submissionId, draftId: frozen.draftId, payloadHash: request.payloadHash };
  const frozenHere = Prisma.sql`
    EXISTS (SELECT 1 FROM submissions s
             WHERE s.id = ${frozen.submissionId} AND s.xmin = pg_current_xact_id()::xid AND s.request_body = ${JSON.stringify(request.body)}::jsonb)
    AND (SELECT used FROM (${createsInLastDaySql(Prisma.sql`${request.writerId}`)}) AS budget) < ${DAILY_CREATE_LIMIT}`;
  return advanceSubmissionIn(tx, { ...claimMove(subject, actorId, [], gatePassAudit(pass, "the approval's, in the same transaction")), onlyIf: frozenHere });
}

type ClaimSubject = { id: string; draftId: string; payloadHash: string };

/**
 * The one conditional update pending → sending that decides who calls X, under the writer's budget
 * lock. Only the request verified before may be claimed: a re-approval in between changes the hash.
 */
function claimMove(frozen: ClaimSubject, actorId: string | null, set: Prisma.Sql[], audit: AuditState): SubmissionMove {
  return {
    step: "claimSend",
    submissionId: frozen.id,
    draftId: frozen.draftId,
    actorId,
    where: [Prisma.sql`payload_hash = ${frozen.payloadHash}`],
    set: [Prisma.sql`attempts = attempts + 1`, ...set],
    audit: { payloadHash: frozen.payloadHash, ...audit },
  };
}

function blocked(frozen: Omit<ClaimSubject, "payloadHash">, reason: string, actorId: string | null): SubmissionMove {
  return {
    step: "block",
    submissionId: frozen.id,
    draftId: frozen.draftId,
    actorId,
    set: [Prisma.sql`last_error = ${`Blocked before sending: ${reason}. Nothing was sent to X.`}`],
    audit: { reason },
  };
}

/**
 * Every gate, judged on the server against exactly what would be sent; the browser's checklist is
 * only a preview of this. A refusal leaves the submission pending: fix the cause and send again.
 */
async function judgeAtSend(subject: GateSubject, gates: GateDeps, approval: GatePass | undefined): Promise<{ ok: true; pass: GatePass } | { ok: false; blocked: string }> {
  try {
    return { ok: true, pass: await assertGatesPass(subject, gates, approval) };
  } catch (error) {
    if (error instanceof DomainError && error.code === "blocked") return { ok: false, blocked: error.message };
    throw error;
  }
}

/** Any throw from the client after the request may have left counts as "unknown", never as "not sent". */
async function callX(sender: NoteSender, note: NewNote): Promise<CreateNoteOutcome> {
  try {
    return await sender.createNote(note);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "unknown", error: new XApiError({ kind: "network", endpoint: "POST /2/notes", httpStatus: null, message, cause: error }) };
  }
}

/** How X's answer moves the submission, for the attempt this caller made. */
async function answerMove(claimed: Claimed, outcome: CreateNoteOutcome, sender: NoteSender, actorId: string | null): Promise<SubmissionMove> {
  // The claim is on disk; the answer need not wait for it (SubmissionMove.waitForDisk).
  const base = { submissionId: claimed.id, draftId: claimed.draftId, actorId, attempt: claimed.attempt, waitForDisk: false };
  if (outcome.kind === "created") return succeededMove("created", base, outcome.noteId, outcome.raw);
  if (outcome.kind === "duplicate") {
    // X already holds this writer's note on the post (an earlier lost answer): adopt it, don't resend.
    const existing = await sender.findWrittenNoteForPost(claimed.postId, claimed.testMode).catch(() => null);
    if (existing) return succeededMove("created", base, existing.id, { duplicate: true, noteId: existing.id });
    return lostTrackMove(base, `${outcome.error.explanation} It is not in notes_written yet, so it can't be linked.`);
  }
  if (outcome.kind === "rejected" && outcome.error.kind === "rate_limited") {
    const until = outcome.error.resetAt ? ` Try again after ${outcome.error.resetAt.toISOString().slice(11, 16)} UTC.` : "";
    return { ...base, step: "deferred", set: [Prisma.sql`last_error = ${`${outcome.error.explanation}${until}`}`] };
  }
  if (outcome.kind === "rejected") {
    return {
      ...base,
      step: "refused",
      set: [
        Prisma.sql`last_error = ${`X refused the note: ${plainError(outcome.error)}`}`,
        Prisma.sql`response = ${JSON.stringify(errorRecord(outcome.error))}::jsonb`,
        Prisma.sql`completed_at = ${utcNow}`,
      ],
      audit: { xError: outcome.error.kind },
    };
  }
  return lostTrackMove(base, plainError(outcome.error));
}

type OutcomeBase = Pick<SubmissionMove, "submissionId" | "draftId" | "actorId" | "attempt" | "waitForDisk">;

/** The note exists on X with this id: from X's answer, or found in notes_written. */
export function succeededMove(step: "created" | "foundOnX", base: OutcomeBase, noteId: string, response: unknown): SubmissionMove {
  return {
    ...base,
    step,
    set: [
      Prisma.sql`x_note_id = ${noteId}`,
      Prisma.sql`response = ${JSON.stringify(response ?? null)}::jsonb`,
      Prisma.sql`last_error = NULL`,
      Prisma.sql`completed_at = ${utcNow}`,
    ],
    audit: { xNoteId: noteId },
  };
}

function lostTrackMove(base: OutcomeBase, why: string): SubmissionMove {
  return { ...base, step: "lostTrack", set: [Prisma.sql`last_error = ${why}`], audit: { reason: why } };
}

/** X's own words matter most (its top-level detail is often generic; the specifics are in errors[]). */
function plainError(error: XApiError): string {
  const details = [...new Set(error.problems.map((p) => p.detail ?? p.title).filter((d): d is string => Boolean(d)))];
  const said = details.length > 0 ? ` X said: "${details.join(" — ")}".` : "";
  return `${error.explanation}${said} ${error.fix}`;
}

function errorRecord(error: XApiError) {
  return { kind: error.kind, httpStatus: error.httpStatus, problems: error.problems };
}
