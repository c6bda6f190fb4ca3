import type { NoteOrigin } from "./filters";

/** How statuses, buckets and origins read on screen. Pure: client components use it too. */

type Tone = "neutral" | "good" | "warn" | "bad" | "info";

const statuses: Record<string, { label: string; short: string; tone: Tone }> = {
  currently_rated_helpful: { label: "Currently rated helpful", short: "CRH", tone: "good" },
  currently_rated_not_helpful: { label: "Currently rated not helpful", short: "CRNH", tone: "bad" },
  needs_more_ratings: { label: "Needs more ratings", short: "NMR", tone: "info" },
  firm_reject: { label: "Firm reject", short: "Rejected", tone: "bad" },
  insufficient_consensus: { label: "Insufficient consensus", short: "No consensus", tone: "warn" },
  minimum_ratings_not_met: { label: "Minimum ratings not met", short: "Too few ratings", tone: "warn" },
  needs_your_help: { label: "Needs your help", short: "Needs help", tone: "info" },
};

/** Known statuses by name; one X adds later is shown as it came, never dropped. */
export function statusLabel(status: string | null): { label: string; short: string; tone: Tone } {
  if (status === null || status === "") return { label: "No status (test notes are not rated)", short: "—", tone: "neutral" };
  return statuses[status] ?? { label: `${status} (a status Notedesk does not know yet)`, short: status, tone: "neutral" };
}

export function bucketTone(bucket: string | null): Tone {
  switch (bucket?.toLowerCase()) {
    case "high":
      return "good";
    case "medium":
      return "warn";
    case "low":
      return "bad";
    default:
      return "neutral";
  }
}

/** "unknown" is X's word for "not scored yet"; null means X sent no such evaluator. */
export function bucketLabel(bucket: string | null): string {
  if (bucket === null) return "—";
  return bucket.toLowerCase() === "unknown" ? "not scored yet" : bucket.toLowerCase();
}

export const originLabels: Record<NoteOrigin, string> = {
  unedited: "AI draft, unedited",
  edited: "AI draft, edited",
  human: "reviewer's own",
  external: "not via Notedesk",
};

/** Evaluators X ran once and retired, or ran with a float score: worth a word of explanation. */
export const historicalEvaluatorNotes: Record<string, string> = {
  TopicalRelevance: "retired July 2025; a score, higher is better",
  HarassmentAbuse: "once a score, lower is better",
};
