import type { DraftState, SubmissionState } from "@/lib/db/enums";

/** What lib/submission hands to pages and actions. Types only, so client components may import them. */

export type SubmissionDto = {
  id: string;
  draftId: string;
  state: SubmissionState;
  mode: "test" | "production";
  /** POST /2/notes calls made for it, including ones whose answer was lost. */
  attempts: number;
  xNoteId: string | null;
  /** The last failure in plain words, with what to do about it. */
  lastError: string | null;
  approvedBy: { id: string; name: string };
  /** The body frozen at approval: exactly what is (or was) sent. */
  requestBody: unknown;
  createdAt: Date;
  completedAt: Date | null;
  /** The submit checklist the send relies on; null for an approval made without one (it is judged in full at send time). */
  gatePass: GatePassDto | null;
};

/** A gate pass as recorded on the submission (docs/gates.md, "The gate pass"). */
export type GatePassDto = {
  /** The payload hash the checklist judged. */
  payloadHash: string;
  /** Whether that is this submission's own payload hash. A pass that names another payload is never sent on. */
  matchesPayload: boolean;
  /** evaluate_note's ClaimOpinion score for exactly this text; null when an admin's override let a failed call through. */
  claimOpinionScore: number | null;
  at: Date;
  gates: { id: string; label: string; reason: string; overriddenBy: string | null }[];
};

/** What the confirm button gets back: where the submission stands and a sentence to show. */
export type SubmitOutcomeDto = {
  submission: SubmissionDto;
  draft: { id: string; state: DraftState; version: number };
  /** Whether this call is the one that talked to X (false for a double click or a lost race). */
  sent: boolean;
  message: string;
};

export type SubmissionPreview = {
  mode: "test" | "production";
  /** Exactly the JSON an approval would freeze and send. */
  body: unknown;
  payloadHash: string;
  /** Allowed but rated down by X's raters (hashtags, emoji, a "Community Note:" prefix). */
  warnings: { code: string; message: string }[];
};
