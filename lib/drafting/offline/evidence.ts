import { extractUrls } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import { hostOf } from "../reference-domains";
import { topicOf, topics, type Topic } from "./topics";

/** The link the offline drafter cites, and how it chose it (for the rationale). */
export type Evidence = { url: string; sourceName: string; from: string };

const MAX_SOURCE_NAME = 40;

/**
 * Prefers what people asked with: a note request's source link, then suggested sources (most suggested first), then a
 * link inside a request's text; otherwise the reference page of the post's topic; otherwise nothing.
 */
export function chooseEvidence(post: NormalizedPost, topic: Topic | null): Evidence | null {
  const candidates: { url: string; from: string }[] = [
    ...post.noteRequests.flatMap((r) => (r.sourceLink ? [{ url: r.sourceLink, from: "a note request's source link" }] : [])),
    ...[...post.suggestedSources]
      .sort((a, b) => b.count - a.count)
      .map((s) => ({ url: s.url, from: `a suggested source (suggested ${s.count}×)` })),
    ...post.noteRequests.flatMap((r) => extractUrls(r.suggestion).map((url) => ({ url, from: "a link in a note request" }))),
  ];
  for (const { url, from } of candidates) {
    if (hostOf(url) !== null && /^https?:\/\/\S+$/.test(url)) return { url, from, sourceName: sourceNameOf(url) };
  }
  return topic ? { url: topic.source, sourceName: sourceNameOf(topic.source), from: `the reference page for ${topic.label}` } : null;
}

/** How a note names a source: the publisher of a topic's reference page, else the site's domain. */
export function sourceNameOf(url: string): string {
  const publisher = topics.find((topic) => topic.source === url)?.publisher;
  if (publisher) return publisher;
  const host = hostOf(url);
  return host !== null && host.length <= MAX_SOURCE_NAME ? host : "the linked source";
}

/** Everything written about the post that hints at its subject. */
function postTexts(post: NormalizedPost): string[] {
  return [
    post.text,
    ...post.media.map((m) => m.altText ?? ""),
    ...post.referencedPosts.map((r) => r.text ?? ""),
    ...post.noteRequests.map((r) => r.suggestion),
  ];
}

export function topicOfPost(post: NormalizedPost): Topic | null {
  return topicOf(postTexts(post));
}

/** How a note names the topic: only the topic's own reference page is known to be about the topic. */
export function topicPhrase(topic: Topic | null, citedUrl: string): string {
  return topic && citedUrl === topic.source ? topic.label : "this subject";
}
