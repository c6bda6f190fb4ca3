import "server-only";

import { Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";
import { utcNow } from "@/lib/review/sql";
import { assertGatesPass, type GateDeps, type GatePass } from "@/lib/gates/evaluate";
import { subjectOfFrozen, type GateSubject } from "@/lib/gates/subject";
import { XApiError, type CreateNoteOutcome, type NewNote } from "@/lib/x";

import { advanceSubmission } from "./advance";
import { assertDailyBudget, lockWriterBudget } from "./budget";
import type { SubmitOutcomeDto } from "./dto";
import { readFrozenSubmission, type FrozenRow } from "./frozen";
import { gatePassAudit, gatePassSet } from "./gate-pass";
import { verifyFrozenRequest } from "./note-request";
import { currentOutcome } from "./read";
import type { NoteSender } from "./sender";
import { timed, type StepLog } from "./steps";

/**
 * `gates` judges the frozen request once more right before the call (lib/gates: appGateDeps in the
 * app); `steps` collects each step's timing (bench/queue).
 */
export type SubmissionDeps = { sender: NoteSender; gates: GateDeps; steps?: StepLog };

type Claimed = { id: string; draftId: string; postId: string; testMode: boolean; attempt: number };

/**
 * Sends a pending submission to X at most once per claim. Whoever wins the conditional
 * pending → sending update makes the one call; everyone else gets the submission as it stands.
 * The frozen request is checked against its approval hash (and the gate pass recorded with it)
 * first and is never sent if it differs. `approval`: the gate pass the approval in this same call
 * recorded, which spares judging again what can't have changed since (lib/gates' assertGatesPass).
 */
export async function sendSubmission(submissionId: string, deps: SubmissionDeps, actor: Actor | null, approval?: GatePass): Promise<SubmitOutcomeDto> {
  const actorId = actor?.id ?? null;
  const frozen = await timed(deps.steps, "read the frozen request, verify its hash", () => readFrozenSubmission(submissionId));
  if (!frozen) throw new DomainError("not_found", "This submission no longer exists.");
  if (frozen.state !== "pending") return currentOutcome(submissionId, false);

  const verified = verifyFrozenRequest(frozen, frozen.writerTestMode);
  if (!verified.ok) {
    await advanceSubmission({
      step: "block",
      submissionId,
      draftId: frozen.draftId,
      actorId,
      set: [Prisma.sql`last_error = ${`Blocked before sending: ${verified.reason}. Nothing was sent to X.`}`],
      audit: { reason: verified.reason },
    });
    return currentOutcome(submissionId, false);
  }

  // Only a pass this row records for this payload stands in for judging again.
  const recorded = approval && frozen.gatePassHash === approval.payloadHash ? approval : undefined;
  const judged = await timed(deps.steps, "gates at send", () => judgeAtSend(subjectOfFrozen(frozen, verified.note), deps.gates, recorded));
  if (!judged.ok) return { ...(await currentOutcome(submissionId, false)), message: `Approved, not sent. ${judged.blocked.replace(/^Not sent\.\s*/, "")}` };

  const won = await timed(deps.steps, "claim the send (budget lock)", () => claimSend(frozen, judged.pass, actorId));
  if (!won) return currentOutcome(submissionId, false);

  const claimed: Claimed = { ...frozen, attempt: frozen.attempts + 1 };
  const outcome = await timed(deps.steps, "POST /2/notes", () => callX(deps.sender, verified.note));
  await timed(deps.steps, "record X's answer", () => settle(claimed, outcome, deps.sender, actorId));
  return timed(deps.steps, "read the outcome", () => currentOutcome(claimed.id, true));
}

/**
 * The one conditional update pending → sending that decides who calls X, under the writer's budget
 * lock. Only the request verified before may be claimed: a re-approval in between changes the hash.
 */
function claimSend(frozen: FrozenRow, pass: GatePass, actorId: string | null): Promise<boolean> {
  return advanceSubmission(
    {
      step: "claimSend",
      submissionId: frozen.id,
      draftId: frozen.draftId,
      actorId,
      where: [Prisma.sql`payload_hash = ${frozen.payloadHash}`],
      // A pass judged here (no approval's pass to rely on) is what this send relied on: record it.
      set: [Prisma.sql`attempts = attempts + 1`, ...(pass.reusedFromApproval ? [] : gatePassSet(pass))],
      audit: { payloadHash: frozen.payloadHash, ...gatePassAudit(pass, pass.reusedFromApproval ? "the approval's, re-checked" : "judged at send") },
    },
    async (tx) => {
      await lockWriterBudget(tx, frozen.writerId);
      await assertDailyBudget(tx, frozen.writerId);
    },
  );
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

/** Records X's answer for the attempt this caller made. */
async function settle(claimed: Claimed, outcome: CreateNoteOutcome, sender: NoteSender, actorId: string | null): Promise<void> {
  const base = { submissionId: claimed.id, draftId: claimed.draftId, actorId, attempt: claimed.attempt };
  if (outcome.kind === "created") {
    await succeed("created", base, outcome.noteId, outcome.raw);
  } else if (outcome.kind === "duplicate") {
    // X already holds this writer's note on the post (an earlier lost answer): adopt it, don't resend.
    const existing = await sender.findWrittenNoteForPost(claimed.postId, claimed.testMode).catch(() => null);
    if (existing) await succeed("created", base, existing.id, { duplicate: true, noteId: existing.id });
    else await loseTrack(base, `${outcome.error.explanation} It is not in notes_written yet, so it can't be linked.`);
  } else if (outcome.kind === "rejected" && outcome.error.kind === "rate_limited") {
    const until = outcome.error.resetAt ? ` Try again after ${outcome.error.resetAt.toISOString().slice(11, 16)} UTC.` : "";
    await advanceSubmission({ ...base, step: "deferred", set: [Prisma.sql`last_error = ${`${outcome.error.explanation}${until}`}`] });
  } else if (outcome.kind === "rejected") {
    await advanceSubmission({
      ...base,
      step: "refused",
      set: [
        Prisma.sql`last_error = ${`X refused the note: ${plainError(outcome.error)}`}`,
        Prisma.sql`response = ${JSON.stringify(errorRecord(outcome.error))}::jsonb`,
        Prisma.sql`completed_at = ${utcNow}`,
      ],
      audit: { xError: outcome.error.kind },
    });
  } else {
    await loseTrack(base, plainError(outcome.error));
  }
}

type OutcomeBase = { submissionId: string; draftId: string; actorId: string | null; attempt?: number };

/** The note exists on X with this id: from X's answer, or found in notes_written. */
export function succeed(step: "created" | "foundOnX", base: OutcomeBase, noteId: string, response: unknown) {
  return advanceSubmission({
    ...base,
    step,
    set: [
      Prisma.sql`x_note_id = ${noteId}`,
      Prisma.sql`response = ${JSON.stringify(response ?? null)}::jsonb`,
      Prisma.sql`last_error = NULL`,
      Prisma.sql`completed_at = ${utcNow}`,
    ],
    audit: { xNoteId: noteId },
  });
}

function loseTrack(base: OutcomeBase, why: string) {
  return advanceSubmission({ ...base, step: "lostTrack", set: [Prisma.sql`last_error = ${why}`], audit: { reason: why } });
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
