import {
  extractUrls,
  hasErrors,
  NOTE_MAX_LENGTH,
  noteLength,
  validateNote,
  type NoteCandidate,
  type NoteIssue,
} from "@/lib/note-text";

import { wordingSimilarity } from "./similarity";

/** At or above this, a draft reads as a copy of a note the post already has. */
export const DUPLICATE_SIMILARITY = 0.8;

export type DraftCheckIssue =
  | NoteIssue
  | (Omit<NoteIssue, "code"> & { code: "duplicate_of_existing_note" | "scored_as_opinion" });

/** Plain JSON: stored on the revision and shown to reviewers as is. */
export type DraftChecks = {
  /** No error-severity issue: X would accept the note. */
  ok: boolean;
  length: { count: number; limit: number; remaining: number };
  urls: string[];
  issues: DraftCheckIssue[];
  /** The most similar existing note on the post, when it is similar enough to be a duplicate. */
  duplicate: { index: number; similarity: number } | null;
  /** X's evaluate_note ClaimOpinion score, when one was fetched: higher reads more like fact. */
  evaluateScore: number | null;
};

export type CheckContext = {
  existingNoteTextsOnPost?: readonly string[];
  evaluateScore?: number | null;
};

export function checkDraft(note: NoteCandidate, context: CheckContext = {}): DraftChecks {
  const count = noteLength(note.text);
  const issues: DraftCheckIssue[] = validateNote(note);
  const duplicate = closestDuplicate(note.text, context.existingNoteTextsOnPost ?? []);
  if (duplicate) {
    issues.push({
      code: "duplicate_of_existing_note",
      field: "text",
      severity: "warning",
      message: `This reads like a note the post already has (${Math.round(duplicate.similarity * 100)}% the same wording).`,
    });
  }
  const evaluateScore = context.evaluateScore ?? null;
  if (evaluateScore !== null && evaluateScore < 0) {
    issues.push({
      code: "scored_as_opinion",
      field: "text",
      severity: "warning",
      message: `X's evaluator scored this ${evaluateScore}: below 0 reads as opinion. State checkable facts and cite them.`,
    });
  }
  return {
    ok: !hasErrors(issues),
    length: { count, limit: NOTE_MAX_LENGTH, remaining: NOTE_MAX_LENGTH - count },
    urls: extractUrls(note.text),
    issues,
    duplicate,
    evaluateScore,
  };
}

/** The messages of the rules a note breaks so badly that X would reject it. */
export function noteRuleErrors(note: NoteCandidate): string[] {
  return validateNote(note)
    .filter((issue) => issue.severity === "error")
    .map((issue) => issue.message);
}

function closestDuplicate(text: string, existing: readonly string[]): DraftChecks["duplicate"] {
  let best: DraftChecks["duplicate"] = null;
  for (const [index, other] of existing.entries()) {
    const similarity = Math.round(wordingSimilarity(text, other) * 1000) / 1000;
    if (similarity >= DUPLICATE_SIMILARITY && similarity > (best?.similarity ?? 0)) best = { index, similarity };
  }
  return best;
}
