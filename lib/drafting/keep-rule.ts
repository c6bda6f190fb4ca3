import { extractUrls, type NoteInput } from "@/lib/note-text";

import { noteRuleErrors } from "./checks";
import type { StoryAssessment } from "./output/answers";
import { wordingSimilarity } from "./similarity";

/** At or above this (links aside), a rewording is too small to be worth a new version. */
export const NEARLY_IDENTICAL_SIMILARITY = 0.9;

export type KeepDecision = { keep: boolean; reason: string };

const keptBecause: Record<Exclude<StoryAssessment, "SAME_STORY">, string> = {
  STORY_CHANGED: "The story changed.",
  STORY_CORRECTION: "It corrects the current note.",
  QUALITY_ISSUE: "It fixes a quality issue in the current note.",
  SOURCE_UPGRADE: "It cites better or additional sources.",
};

/**
 * Whether a proposed revision replaces the current one: only a meaningful change does (the
 * Collaborative Notes rule, reference §7), because every version costs a reviewer's attention and,
 * once submitted, resets the note's ratings. Checked in order, first match wins.
 */
export function decideKeep(current: NoteInput, proposed: NoteInput, story: StoryAssessment): KeepDecision {
  const currentErrors = noteRuleErrors(current).length > 0;
  const proposedErrors = noteRuleErrors(proposed);

  if (proposedErrors.length > 0 && !currentErrors) {
    return { keep: false, reason: `The revision breaks a rule the current note meets: ${proposedErrors.join(" ")}` };
  }
  if (currentErrors && proposedErrors.length === 0) {
    return { keep: true, reason: "It fixes what stopped the current note from being submitted." };
  }
  if (current.classification === "misinformed_or_potentially_misleading" && proposed.classification === "not_misleading") {
    return { keep: true, reason: "It downgrades the note from misleading to not misleading." };
  }
  const sameSources = sameSet(extractUrls(current.text), extractUrls(proposed.text));
  if (
    sameSources &&
    current.classification === proposed.classification &&
    sameSet(current.misleadingTags, proposed.misleadingTags) &&
    wordingSimilarity(current.text, proposed.text) >= NEARLY_IDENTICAL_SIMILARITY
  ) {
    return { keep: false, reason: "The revision is (nearly) identical to the current note." };
  }
  if (story === "SAME_STORY") {
    return { keep: false, reason: "It tells the same story; a rewording alone is not worth a new version." };
  }
  if (story === "SOURCE_UPGRADE" && sameSources) {
    return { keep: false, reason: "It claims a source upgrade but cites the same links." };
  }
  return { keep: true, reason: keptBecause[story] };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}
