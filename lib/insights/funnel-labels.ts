import type { DraftState } from "@/lib/db/enums";
import { bucketLabel, statusLabel } from "@/lib/notes/labels";
import { rejectReasons } from "@/lib/review/reject-reasons";
import { draftStateLabels } from "@/lib/review/transitions";

/**
 * The funnel's steps and drop-out reasons in words. Pure: the SQL that decides them is in
 * funnel-steps.ts, and docs/insights.md defines each step.
 */

export const funnelStepIds = [
  "eligible",
  "triaged_in",
  "drafted",
  "ai_wrote",
  "reviewed",
  "approved",
  "submitted",
  "evaluator_high",
  "rated_helpful",
] as const;

export type FunnelStepId = (typeof funnelStepIds)[number];

export const funnelSteps: Record<FunnelStepId, { label: string; means: string; droppedMeans: string }> = {
  eligible: { label: "Eligible", means: "first seen in the writer's eligible feed in the period", droppedMeans: "" },
  triaged_in: { label: "Triaged in", means: "triage verdict in (a reviewer's overturn counts)", droppedMeans: "triaged out or not assessed" },
  drafted: { label: "Drafted", means: "drafting finished: a note, an abstention or a failure", droppedMeans: "not drafted yet" },
  ai_wrote: { label: "AI wrote a note", means: "the AI did not abstain", droppedMeans: "AI abstained or drafting failed" },
  reviewed: { label: "Reviewed", means: "a person approved or rejected it (and did not undo)", droppedMeans: "still waiting for a decision" },
  approved: { label: "Approved", means: "approved, whatever happened when sending", droppedMeans: "rejected" },
  submitted: { label: "Submitted", means: "X accepted the note", droppedMeans: "not sent, blocked or refused" },
  evaluator_high: { label: "Evaluator high", means: "ClaimOpinion bucket high in notes_written now", droppedMeans: "ClaimOpinion not high (yet)" },
  rated_helpful: { label: "Rated helpful", means: "status currently rated helpful now", droppedMeans: "not rated helpful (yet)" },
};

const triageSignalWords: Record<string, string> = {
  not_assessed: "not assessed by triage yet",
  overturned: "a reviewer overturned it to out",
  no_signal: "nothing checkable found",
  opinion: "opinion words",
  prediction: "a prediction",
  satire: "satire",
  too_short: "too short to hold a claim",
  media: "its media (video, GIF)",
  media_note_shown: "a media note is already shown",
  model: "the model judged it not checkable",
};

const draftedWords: Record<string, string> = {
  not_drafted: "no draft yet",
  new: "waiting to be drafted",
  drafting: "being drafted",
};

const aiWords: Record<string, string> = {
  no_note_needed: "AI: no note needed",
  not_enough_evidence: "AI: not enough evidence",
  drafting_failed: "drafting failed",
};

const reviewedWords: Record<string, string> = {
  in_queue: "in the queue, unclaimed",
  being_reviewed: "claimed by a reviewer now",
};

const submittedWords: Record<string, string> = {
  waiting_to_send: "approved, not sent yet (a gate, the stop or a budget held it)",
  sending: "being sent",
  needs_reconcile: "outcome unknown: reconciling",
  blocked: "blocked before sending",
  refused: "X refused it",
};

const evaluatorWords: Record<string, string> = {
  not_seen: "not seen in notes_written yet",
  no_result: "no ClaimOpinion result",
};

/** How a drop-out reason reads; an unknown one (a new state or status) shows as stored. */
export function dropReasonLabel(step: FunnelStepId, reason: string): string {
  switch (step) {
    case "triaged_in":
      return triageSignalWords[reason] ?? reason.replaceAll("_", " ");
    case "drafted":
      return draftedWords[reason] ?? reason;
    case "ai_wrote":
      return aiWords[reason] ?? reason;
    case "reviewed":
      return reviewedWords[reason] ?? stateWords(reason);
    case "approved":
      return reason in rejectReasons ? `rejected: ${rejectReasons[reason as keyof typeof rejectReasons]}` : stateWords(reason);
    case "submitted":
      return submittedWords[reason] ?? stateWords(reason);
    case "evaluator_high":
      return evaluatorWords[reason] ?? `ClaimOpinion ${bucketLabel(reason)}`;
    case "rated_helpful":
      if (reason === "test_mode") return "test note: X does not rate test notes";
      return reason === "no_status" ? "no status yet" : statusLabel(reason).label;
    case "eligible":
      return reason;
  }
}

function stateWords(state: string): string {
  return state in draftStateLabels ? draftStateLabels[state as DraftState] : state;
}
