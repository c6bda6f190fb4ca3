import type { NoteScores } from "./scoring";

const HOUR = 3_600_000;

/** When ratings settle a production note, in simulated time since it was written. */
export const statusTimeline = { firstVerdictMs: 2 * HOUR, ratedMs: 6 * HOUR, settledMs: 24 * HOUR } as const;

/**
 * A production note's status as raters would leave it (docs/x-simulator.md): abusive notes are rejected after
 * 2 h; sourced factual notes become helpful after 6 h and weak ones not helpful; middling ones wait a day for
 * ratings that never agree.
 */
export function productionStatus(scores: NoteScores, ageMs: number): string {
  if (ageMs < statusTimeline.firstVerdictMs) return "needs_more_ratings";
  if (scores.harassmentAbuse === "low") return "firm_reject";
  if (ageMs < statusTimeline.ratedMs) return "needs_more_ratings";
  if (scores.claimOpinion === "high" && scores.urlValidity === "high" && scores.harassmentAbuse === "high") {
    return "currently_rated_helpful";
  }
  if (scores.claimOpinion === "low" || scores.urlValidity === "low") return "currently_rated_not_helpful";
  if (ageMs < statusTimeline.settledMs) return "needs_more_ratings";
  return scores.harassmentAbuse === "medium" ? "minimum_ratings_not_met" : "insufficient_consensus";
}
