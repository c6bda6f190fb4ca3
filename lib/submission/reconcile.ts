import "server-only";

import { getDb, Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";
import { utcNow } from "@/lib/review/sql";
import { isXApiError } from "@/lib/x";

import { advanceSubmission } from "./advance";
import type { SubmitOutcomeDto } from "./dto";
import { currentOutcome } from "./read";
import { sendSubmission, succeededMove, type SubmissionDeps } from "./send";

/**
 * Settles a submission whose outcome is unknown by reading notes_written BEFORE anything is sent
 * again: the note found → succeeded with its id; no note → back to pending and sent once more (the
 * usual claim decides who sends, so two reconcilers still make one call).
 */
export async function reconcileSubmission(submissionId: string, deps: SubmissionDeps, actor: Actor | null): Promise<SubmitOutcomeDto> {
  const submission = await getDb().submission.findUnique({
    where: { id: submissionId },
    select: { id: true, draftId: true, postId: true, testMode: true, state: true },
  });
  if (!submission) throw new DomainError("not_found", "This submission no longer exists.");
  if (submission.state !== "needs_reconcile") {
    throw new DomainError("invalid_state", "Only a submission whose outcome is unknown needs reconciling.");
  }

  let found: { id: string } | null;
  try {
    found = await deps.sender.findWrittenNoteForPost(submission.postId, submission.testMode);
  } catch (error) {
    const why = isXApiError(error) ? error.explanation : "X could not be reached.";
    throw new DomainError("unavailable", `Couldn't read this writer's notes from X: ${why} Nothing was sent; try again later.`);
  }

  const base = { submissionId, draftId: submission.draftId, actorId: actor?.id ?? null };
  if (found) {
    await advanceSubmission(succeededMove("foundOnX", base, found.id, { reconciled: true, noteId: found.id }));
    return currentOutcome(submissionId, false);
  }
  const reopened = await advanceSubmission({ ...base, step: "absentOnX", set: [Prisma.sql`last_error = NULL`] });
  if (!reopened) return currentOutcome(submissionId, false);
  return sendSubmission(submissionId, deps, actor);
}

/** Longer than any single POST /2/notes can take (a 30 s timeout after at most a minute's rate-limit wait). */
export const STUCK_AFTER_MINUTES = 10;

/**
 * A submission still "sending" long after any call could have ended means the process died between
 * the call and recording its answer. It becomes needs_reconcile, never pending: the call may have
 * landed. For a worker's schedule and for start-up. Returns the ids it moved.
 */
export async function recoverStuckSubmissions(olderThanMinutes = STUCK_AFTER_MINUTES): Promise<string[]> {
  const stuck = await getDb().$queryRaw<{ id: string; draftId: string }[]>`
    SELECT id, draft_id AS "draftId" FROM submissions
    WHERE state = 'sending' AND updated_at < ${utcNow} - make_interval(mins => ${olderThanMinutes}::int)`;
  const recovered: string[] = [];
  for (const { id, draftId } of stuck) {
    const moved = await advanceSubmission({
      step: "lostTrack",
      submissionId: id,
      draftId,
      actorId: null,
      // Conditioned on still being old: an answer recorded meanwhile wins.
      where: [Prisma.sql`updated_at < ${utcNow} - make_interval(mins => ${olderThanMinutes}::int)`],
      set: [Prisma.sql`last_error = ${"Notedesk stopped while sending, before X's answer was recorded."}`],
      audit: { reason: "stuck" },
    });
    if (moved) recovered.push(id);
  }
  return recovered;
}
