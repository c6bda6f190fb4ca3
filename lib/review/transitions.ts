import { DraftState } from "@/lib/db/enums";

export { DraftState };
export const draftStates = Object.values(DraftState);

type Move = {
  from: DraftState;
  to: DraftState;
  /** Completes "Can't … this draft" in messages. */
  verb: string;
  /** Moves back into the queue hand the draft to whoever made them: they asked for it to work on. */
  claim: "release" | "take";
};

/**
 * Every move a draft makes once drafting has put it in the queue: the one table review and
 * submission code consult. Each move has exactly one source state, so an audit row can say where
 * the draft came from without reading it first. Drafting's own moves (new → drafting → ready |
 * no_note | failed) belong to lib/drafting.
 */
export const draftTransitions = {
  reject: { from: "ready", to: "rejected", verb: "reject", claim: "release" },
  /** Back of the queue: the draft stays reviewable; only its place (ready_at) and claim change. */
  skip: { from: "ready", to: "ready", verb: "skip", claim: "release" },
  approve: { from: "ready", to: "approved", verb: "approve", claim: "release" },
  undoReject: { from: "rejected", to: "ready", verb: "undo the rejection of", claim: "take" },
  undoSkip: { from: "ready", to: "ready", verb: "undo the skip of", claim: "take" },
  /** Un-approve: only while the submission has not started sending. */
  undoApprove: { from: "approved", to: "ready", verb: "withdraw the approval of", claim: "take" },
  /** Draft it again from scratch: the drafting run picks it up like a new post; its history stays. */
  regenerate: { from: "ready", to: "new", verb: "regenerate", claim: "release" },
  /** X refused the note for good: back to the editor, then a fresh approval. */
  reopenFailed: { from: "failed", to: "ready", verb: "reopen", claim: "take" },
  /** The AI abstained but a reviewer wants to write a note anyway. */
  reopenNoNote: { from: "no_note", to: "ready", verb: "reopen", claim: "take" },
  startSending: { from: "approved", to: "submitting", verb: "send", claim: "release" },
  /** The frozen request no longer matches what was approved: never sent, approved again after a look. */
  blockSending: { from: "approved", to: "failed", verb: "block", claim: "release" },
  /** X turned the call away unprocessed (rate limit): approved again, to be sent later. */
  deferSending: { from: "submitting", to: "approved", verb: "put back", claim: "release" },
  confirmSubmitted: { from: "submitting", to: "submitted", verb: "mark as submitted", claim: "release" },
  failSubmission: { from: "submitting", to: "failed", verb: "mark as failed", claim: "release" },
  /** The call may or may not have created the note: nothing is sent again before notes_written is read. */
  loseTrack: { from: "submitting", to: "needs_reconcile", verb: "mark for reconciliation", claim: "release" },
  reconcileFound: { from: "needs_reconcile", to: "submitted", verb: "reconcile", claim: "release" },
  reconcileAbsent: { from: "needs_reconcile", to: "approved", verb: "reconcile", claim: "release" },
} as const satisfies Record<string, Move>;

export type DraftAction = keyof typeof draftTransitions;
export const draftActions = Object.keys(draftTransitions) as DraftAction[];

/** Decisions a reviewer can take back while nothing else has happened to the draft, and their inverse. */
export const undoOf = {
  reject: "undoReject",
  skip: "undoSkip",
  approve: "undoApprove",
} as const satisfies Partial<Record<DraftAction, DraftAction>>;

export const undoableDecisions = Object.keys(undoOf) as (keyof typeof undoOf)[];

export function isLegalDraftMove(action: DraftAction, from: DraftState): boolean {
  return draftTransitions[action].from === from;
}

/** A draft in the queue may be held by a reviewer: moves from there must respect a live claim. */
export function respectsClaims(action: DraftAction): boolean {
  return draftTransitions[action].from === "ready";
}

/** How a state reads in a sentence: "the draft is … now". */
export const draftStateLabels: Record<DraftState, string> = {
  new: "waiting to be drafted",
  drafting: "being drafted",
  ready: "in the queue",
  approved: "approved and waiting to be sent",
  submitting: "being sent to X",
  submitted: "submitted to X",
  no_note: "marked as needing no note",
  rejected: "rejected",
  skipped: "skipped",
  failed: "failed",
  needs_reconcile: "waiting for a check of what X received",
};
