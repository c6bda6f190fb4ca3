import type { PostExcerptDto } from "@/lib/posts/excerpt";

/** The triage's vocabulary, shared by the scoring, the store, the queue and the browser. */

export const triageVerdicts = ["in", "out"] as const;
/** in: a note could check something here, so it goes to drafting and review; out: it waits in the triaged-out list. */
export type TriageVerdict = (typeof triageVerdicts)[number];

export const triageSignals = [
  "numbers",
  "year",
  "quote",
  "claim_verb",
  "named_entities",
  "link",
  "media_claim",
  "opinion",
  "prediction",
  "satire",
  "too_short",
  "media",
  "media_note_shown",
  "media_note_matched",
  "note_requests",
  "suggested_sources",
  "model",
] as const;
export type TriageSignal = (typeof triageSignals)[number];

/**
 * One signal that fired, as stored. `weight` is its pull on checkability in log-odds: positive
 * towards "in", negative towards "out". `evidence` is what fired (the words, figures, names or
 * quotation, at most three) and `count` how many there were, when not just those; the sentence a reviewer reads is made
 * from them when shown (labels.ts), so its wording can change without touching stored rows.
 * A blocking reason makes the verdict "out" whatever the weights say.
 */
export type TriageReason = { signal: TriageSignal; weight: number; evidence: string[]; count?: number; blocking?: true };

/** A reason as reviewers see it: "3 concrete numbers: 40%, 4,800, 12". */
export type LabelledReason = TriageReason & { label: string };

export type AssessedBy = "heuristic" | "llm";

/** The cheap model pass's answer about one post. */
export type ModelOpinion = { checkable: boolean; reason: string; model: string; promptVersion: string };

/** What the priority was computed from, kept for the reviewer's "why is this first?". */
export type PriorityFactors = {
  noteRequests: number;
  /** Impressions, or an estimate from engagement when X sent none (`reachEstimated`); null without metrics. */
  reach: number | null;
  reachEstimated: boolean;
};

/** One post's triage as the machine made it, before a reviewer touches it. */
export type TriageAssessment = {
  postId: string;
  checkability: number;
  verdict: TriageVerdict;
  /** A blocking signal fired (a media note already shown): out whatever the weights say. */
  blocked: boolean;
  /**
   * The signal that pulled hardest towards out, a blocking one first; null when none did. The reasons
   * themselves are derived when shown (read.ts): a sync run scores posts without building them.
   */
  against: TriageSignal | null;
  assessedBy: AssessedBy;
  /** The model's answer it includes, when the cheap model pass gave one. */
  opinion: ModelOpinion | null;
  priorityBase: number;
  priorityFactors: PriorityFactors;
  agedFrom: Date;
  priorityKey: number;
};

/** A post's triage as the queue shows it. */
export type TriageDto = {
  postId: string;
  /** What counts: the reviewer's verdict when overturned, else the machine's. */
  verdict: TriageVerdict;
  machineVerdict: TriageVerdict;
  checkability: number;
  /** Why, as the rules read the post now (they are derived from it, not stored). */
  reasons: LabelledReason[];
  /**
   * Set when the rules changed since the post was assessed and now judge it otherwise: what they say
   * now. `reasons` are theirs; `checkability` and the verdicts are the stored assessment's.
   */
  rulesNow: { checkability: number; verdict: TriageVerdict } | null;
  assessedBy: AssessedBy;
  model: string | null;
  promptVersion: string | null;
  priority: { base: number; key: number; agedFrom: Date; factors: PriorityFactors };
  triagedAt: Date;
  overturn: { by: { id: string; name: string } | null; at: Date; reason: string } | null;
};

/** What the queue's rows show of a post's triage: the badge, and the key the default order sorts by. */
export type TriageBadgeDto = Pick<TriageDto, "verdict" | "checkability"> & { overturned: boolean; priorityKey: number };

/** A triaged-out post as the "Triaged out" list shows it: enough of the post to judge, and its triage. */
export type TriagedOutPostDto = { post: PostExcerptDto; triage: TriageDto };

export type TriagedOutPage = { rows: TriagedOutPostDto[]; nextCursor: string | null };
