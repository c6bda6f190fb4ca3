import "server-only";

import { getDb, Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";
import { utcNow } from "@/lib/review/sql";
import { assertGatesPass, type GateDeps } from "@/lib/gates/evaluate";
import { XApiError, type CreateNoteOutcome, type NewNote } from "@/lib/x";

import { advanceSubmission } from "./advance";
import { assertDailyBudget, lockWriterBudget } from "./budget";
import type { SubmitOutcomeDto } from "./dto";
import { verifyFrozenRequest } from "./note-request";
import { currentOutcome } from "./read";
import type { NoteSender } from "./sender";

/** `gates` judges the frozen request once more right before the call (lib/gates: appGateDeps in the app). */
export type SubmissionDeps = { sender: NoteSender; gates: GateDeps };

type Claimed = { id: string; draftId: string; postId: string; testMode: boolean; attempt: number };

/**
 * Sends a pending submission to X at most once per claim. Whoever wins the conditional
 * pending → sending update makes the one call; everyone else gets the submission as it stands.
 * The frozen request is checked against its approval hash first and is never sent if it differs.
 */
export async function sendSubmission(submissionId: string, deps: SubmissionDeps, actor: Actor | null): Promise<SubmitOutcomeDto> {
  const actorId = actor?.id ?? null;
  const frozen = await getDb().submission.findUnique({
    where: { id: submissionId },
    select: { id: true, draftId: true, writerId: true, postId: true, testMode: true, state: true, attempts: true, requestBody: true, payloadHash: true, writer: { select: { testMode: true } } },
  });
  if (!frozen) throw new DomainError("not_found", "This submission no longer exists.");
  if (frozen.state !== "pending") return currentOutcome(submissionId, false);

  const verified = verifyFrozenRequest(frozen, frozen.writer.testMode);
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

  const blocked = await gateRefusal(submissionId, deps.gates);
  if (blocked) return { ...(await currentOutcome(submissionId, false)), message: `Approved, not sent. ${blocked.replace(/^Not sent\.\s*/, "")}` };

  const won = await advanceSubmission(
    {
      step: "claimSend",
      submissionId,
      draftId: frozen.draftId,
      actorId,
      // Only the request verified above may be claimed: a re-approval in between changes the hash.
      where: [Prisma.sql`payload_hash = ${frozen.payloadHash}`],
      set: [Prisma.sql`attempts = attempts + 1`],
      audit: { payloadHash: frozen.payloadHash },
    },
    async (tx) => {
      await lockWriterBudget(tx, frozen.writerId);
      await assertDailyBudget(tx, frozen.writerId);
    },
  );
  if (!won) return currentOutcome(submissionId, false);

  const claimed: Claimed = { ...frozen, attempt: frozen.attempts + 1 };
  return settle(claimed, await callX(deps.sender, verified.note), deps.sender, actorId);
}

/**
 * Every gate, judged on the server against exactly what would be sent; the browser's checklist is
 * only a preview of this. A refusal leaves the submission pending: fix the cause and send again.
 */
async function gateRefusal(submissionId: string, gates: GateDeps): Promise<string | null> {
  try {
    await assertGatesPass({ submissionId }, gates);
    return null;
  } catch (error) {
    if (error instanceof DomainError && error.code === "blocked") return error.message;
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
async function settle(claimed: Claimed, outcome: CreateNoteOutcome, sender: NoteSender, actorId: string | null): Promise<SubmitOutcomeDto> {
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
  return currentOutcome(claimed.id, true);
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
