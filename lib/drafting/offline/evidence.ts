import { extractUrls } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import { hostOf } from "../reference-domains";
import { topicOf, topics, type Topic } from "./topics";

/** The link the offline drafter cites, and how it chose it (for the rationale). */
export type Evidence = { url: string; sourceName: string; from: string };

const MAX_SOURCE_NAME = 40;

// A careful writer does not cite a link that hides where it goes or names itself an error page:
// X's UrlValidity evaluator scores such notes low, and Notedesk's link gate blocks them.
const SHORTENERS = new Set(["bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "is.gd", "rb.gy", "cutt.ly", "tiny.cc", "lnkd.in"]);
const ERROR_PAGE = /(^|[/\-_.])(404|not-?found|deleted|removed|error|broken|expired)([/\-_.]|$)/i;

function citable(url: string): boolean {
  const host = hostOf(url);
  if (host === null || !/^https:\/\/\S+$/.test(url)) return false;
  return !SHORTENERS.has(host.replace(/^www\./, "")) && !ERROR_PAGE.test(new URL(url).pathname);
}

/**
 * Prefers what people asked with (when it is a citable https link): a note request's source link, then suggested sources (most suggested first), then a
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
    if (citable(url)) return { url, from, sourceName: sourceNameOf(url) };
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
