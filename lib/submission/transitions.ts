import type { SubmissionState } from "@/lib/db/enums";
import type { DraftAction } from "@/lib/review/transitions";

/**
 * Every move of a submission, each paired with the draft move that happens in the same transaction:
 * a draft that is "approved" always has a pending submission, "submitting" a sending one, and so on.
 * Approval (a new row, or a failed one reused) and withdrawal live in approve.ts and withdraw.ts.
 */
export const submissionTransitions = {
  /** The one conditional update that decides who calls X. */
  claimSend: { from: "pending", to: "sending", draft: "startSending" },
  /** Checked before the call: the frozen request was altered after approval. */
  block: { from: "pending", to: "failed", draft: "blockSending" },
  created: { from: "sending", to: "succeeded", draft: "confirmSubmitted" },
  /** A 429 (X's or the client's own rate budget): nothing was created, so it waits to be sent again. */
  deferred: { from: "sending", to: "pending", draft: "deferSending" },
  refused: { from: "sending", to: "failed", draft: "failSubmission" },
  /** Timeout, dropped connection, 5xx, or a crash noticed later: the note may exist. */
  lostTrack: { from: "sending", to: "needs_reconcile", draft: "loseTrack" },
  foundOnX: { from: "needs_reconcile", to: "succeeded", draft: "reconcileFound" },
  /** notes_written has no note for the post: safe to send once more. */
  absentOnX: { from: "needs_reconcile", to: "pending", draft: "reconcileAbsent" },
} as const satisfies Record<string, { from: SubmissionState; to: SubmissionState; draft: DraftAction }>;

export type SubmissionStep = keyof typeof submissionTransitions;
