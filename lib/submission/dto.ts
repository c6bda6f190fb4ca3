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
