import { extractUrls, NOTE_MAX_LENGTH, noteLength, type NoteInput } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import type { IncorporatedStatus, ReviseAnswerJson, StoryAssessment } from "../output/answers";
import { toWireNote } from "../output/wire-note";
import type { NoteSuggestion } from "../provider";
import { hostOf } from "../reference-domains";
import { asksForOpinionOrJudgement, claimsAccuracy, tagsSuggestedBy } from "./cues";
import { sourceNameOf, topicPhrase, topicOfPost } from "./evidence";
import { cap, notMisleadingTemplates } from "./note-templates";
import { pick, randomFor } from "./seeded-random";

type Disposition = { status: IncorporatedStatus; explanation: string };
type Change = "correction" | "source";

/**
 * The offline drafter's answer to the revision prompt. It can do three things, each a rule a reviewer
 * can predict: cite a link a suggestion offers (SOURCE_UPGRADE), turn the note into "not misleading"
 * when a suggestion says the post is accurate, or add a misleading reason a suggestion names (both
 * STORY_CORRECTION). It declines opinion and judgement, and anything it cannot do, saying so.
 */
export function offlineReviseAnswer(post: NormalizedPost, current: NoteInput, suggestions: readonly NoteSuggestion[]): ReviseAnswerJson {
  let note: NoteInput = { ...current, misleadingTags: [...current.misleadingTags] };
  const changes = new Set<Change>();

  const answers = suggestions.map((suggestion) => {
    const { disposition, revised, change } = consider(suggestion.text, note, post, changes);
    note = revised;
    if (change) changes.add(change);
    return { id: suggestion.id, incorporated_status: disposition.status, explanation: disposition.explanation };
  });

  const story: StoryAssessment = changes.has("correction") ? "STORY_CORRECTION" : changes.has("source") ? "SOURCE_UPGRADE" : "SAME_STORY";
  return {
    story_assessment: story,
    rationale: `Offline drafter: ${rationaleFor(story)}`,
    note: toWireNote(note),
    suggestions: answers,
  };
}

function consider(
  text: string,
  note: NoteInput,
  post: NormalizedPost,
  changes: ReadonlySet<Change>,
): { disposition: Disposition; revised: NoteInput; change?: Change } {
  const unchanged = (status: IncorporatedStatus, explanation: string) => ({ disposition: { status, explanation }, revised: note });

  if (asksForOpinionOrJudgement(text)) {
    return unchanged("NO", "Notes stay neutral and stick to checkable facts, so opinions and judgements of the author are left out.");
  }
  const link = extractUrls(text).find((url) => hostOf(url) !== null);
  if (link) {
    if (note.text.includes(link)) return unchanged("NO", "The note already cites this source.");
    if (changes.has("source")) return unchanged("NO", "Another suggested source was used; the note keeps to one link.");
    const cited = withSource(note.text, link);
    if (noteLength(cited) > NOTE_MAX_LENGTH) return unchanged("NO", "Adding this source would take the note over the length limit.");
    return {
      disposition: { status: "YES", explanation: `The note now cites ${hostOf(link)}.` },
      revised: { ...note, text: cited },
      change: "source",
    };
  }
  if (claimsAccuracy(text) && note.classification !== "not_misleading") {
    const url = extractUrls(note.text)[0] ?? "";
    const rewritten = pick(randomFor(post.id), notMisleadingTemplates)({
      subject: "This post",
      source: url ? sourceNameOf(url) : "the cited source",
      topic: topicPhrase(topicOfPost(post), url),
      url,
    });
    return {
      disposition: { status: "YES", explanation: "The note now says the post is not misleading." },
      revised: { ...note, text: rewritten, classification: "not_misleading", misleadingTags: [] },
      change: "correction",
    };
  }
  const tag = tagsSuggestedBy(text)[0];
  if (tag) {
    if (note.classification === "not_misleading") {
      return unchanged("NO", "The note says the post is not misleading, so it takes no misleading reasons.");
    }
    if (note.misleadingTags.includes(tag)) return unchanged("NO", "The note already gives this reason.");
    return {
      disposition: { status: "PARTIALLY", explanation: `Added ${tag} as a reason; the wording is left for a reviewer to adjust.` },
      revised: { ...note, misleadingTags: [...note.misleadingTags, tag] },
      change: "correction",
    };
  }
  return unchanged(
    "NO",
    "The offline drafter can only add a suggested source, a misleading reason or a not-misleading correction; a reviewer can make this edit by hand.",
  );
}

/** Replaces the note's first link with `link`, and the old source's name with the new one's; appends it when there is none. */
function withSource(text: string, link: string): string {
  const [first] = extractUrls(text);
  if (!first) return `${text} ${link}`;
  const [oldName, newName] = [sourceNameOf(first), sourceNameOf(link)];
  // Renamed outside the link only, since a domain name also occurs inside its own link.
  return text
    .split(first)
    .map((part) => part.replaceAll(cap(oldName), () => cap(newName)).replaceAll(oldName, () => newName))
    .join(link);
}

function rationaleFor(story: StoryAssessment): string {
  switch (story) {
    case "STORY_CORRECTION":
      return "corrected the classification or the misleading reasons as suggested.";
    case "SOURCE_UPGRADE":
      return "cited the source a reviewer suggested.";
    default:
      return "no suggestion could be applied; the note is unchanged.";
  }
}
