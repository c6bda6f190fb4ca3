import { misleadingTags, type Classification, type MisleadingTag } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import type { DraftAnswerJson } from "../output/answers";
import { hostOf, isReferenceHost } from "../reference-domains";
import { claimsAccuracy, tagsSuggestedBy, uncheckableCue } from "./cues";
import { chooseEvidence, topicPhrase, topicOfPost, type Evidence } from "./evidence";
import {
  conciseMisleadingTemplates,
  conciseNotMisleadingTemplates,
  misleadingTemplates,
  notMisleadingTemplates,
} from "./note-templates";
import { pick, randomFor } from "./seeded-random";

const ENGLISH = new Set(["en", "und", "zxx", "qme", "qht", "qam"]);
const MAX_TAGS = 2;

/** How the note is worded: draft-v1's standard sentences, or draft-v2's concise ones. Decisions are the same. */
export type OfflineStyle = "standard" | "concise";

const templateSets = {
  standard: { misleading: misleadingTemplates, notMisleading: notMisleadingTemplates },
  concise: { misleading: conciseMisleadingTemplates, notMisleading: conciseNotMisleadingTemplates },
} as const;

/**
 * The offline drafter's answer to the draft prompt, decided by open rules (docs/drafting.md):
 * abstain where a real writer should (a media note already shown, satire, opinion or prediction
 * nobody asked a note for, no evidence), otherwise a templated note citing the requesters' source.
 */
export function offlineDraftAnswer(post: NormalizedPost, style: OfflineStyle = "standard"): DraftAnswerJson {
  if (post.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown")) {
    return abstain("no_note_needed", "A note on this post's media is already shown on X, which rejects new notes here.");
  }
  if (post.lang !== null && !ENGLISH.has(post.lang)) {
    return abstain("not_enough_evidence", `The post is in "${post.lang}" and the offline drafter only writes English notes.`);
  }
  const cue = uncheckableCue(post.text);
  if (cue?.kind === "satire" || (cue && post.noteRequests.length === 0)) {
    return abstain("no_note_needed", `The post reads as ${cue.kind} ("${cue.excerpt}"), not as a checkable claim.`);
  }
  if (post.noteRequests.length === 0 && post.suggestedSources.length === 0) {
    return abstain("not_enough_evidence", "Nobody requested a note or suggested a source, and the offline drafter cannot research claims.");
  }
  const topic = topicOfPost(post);
  const evidence = chooseEvidence(post, topic);
  if (!evidence) {
    return abstain("not_enough_evidence", "The note requests give no source and the post matches none of the offline drafter's reference topics.");
  }

  const requests = post.noteRequests.map((r) => r.suggestion);
  const tags = rankedTags(requests);
  const classification: Classification =
    tags.length === 0 && requests.some(claimsAccuracy) ? "not_misleading" : "misinformed_or_potentially_misleading";
  const noteTags: MisleadingTag[] =
    classification === "not_misleading" ? [] : tags.length > 0 ? tags : ["missing_important_context"];

  const set = templateSets[style];
  const templates = classification === "not_misleading" ? set.notMisleading : set.misleading[noteTags[0] ?? "other"];
  const text = pick(randomFor(post.id), templates)({
    subject: subjectOf(post),
    source: evidence.sourceName,
    topic: topicPhrase(topic, evidence.url),
    url: evidence.url,
  });
  const host = hostOf(evidence.url);
  return {
    decision: "write_note",
    rationale: rationale(requests.length, classification, tags, evidence),
    note: {
      text,
      classification,
      misleading_tags: noteTags,
      trustworthy_sources: host !== null && isReferenceHost(host),
    },
  };
}

function abstain(decision: "no_note_needed" | "not_enough_evidence", reason: string): DraftAnswerJson {
  return { decision, rationale: `Offline drafter: ${reason}`, note: null };
}

/** Tags most requests point to first; ties keep the API's order. */
function rankedTags(requests: readonly string[]): MisleadingTag[] {
  const suggested = requests.map(tagsSuggestedBy);
  return misleadingTags
    .map((tag) => ({ tag, votes: suggested.filter((tags) => tags.includes(tag)).length }))
    .filter(({ votes }) => votes > 0)
    .sort((a, b) => b.votes - a.votes)
    .slice(0, MAX_TAGS)
    .map(({ tag }) => tag);
}

function subjectOf(post: NormalizedPost): string {
  switch (post.mediaType) {
    case "photo":
      return post.media.length > 1 ? "These images" : "This image";
    case "video":
      return "This video";
    case "animated_gif":
      return "This GIF";
    default:
      return "This post";
  }
}

function rationale(requestCount: number, classification: Classification, cuedTags: readonly MisleadingTag[], evidence: Evidence): string {
  const basis =
    requestCount === 0
      ? "no note requests, only suggested sources, so missing_important_context"
      : classification === "not_misleading"
        ? `${requestCount} note request(s) saying the post is accurate`
        : cuedTags.length > 0
          ? `${requestCount} note request(s) pointing to ${cuedTags.join(" and ")}`
          : `${requestCount} note request(s) giving no specific reason, so missing_important_context`;
  return `Offline drafter (rule-based, no research): ${basis}; cites ${evidence.from}.`;
}
