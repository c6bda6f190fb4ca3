import type { NormalizedPost } from "@/lib/posts/post";

/**
 * Untrusted text reaches the model only through here: as JSON string values inside a named
 * <untrusted_data> block. JSON escaping keeps it inside its string, and escaping < > & as \uXXXX
 * means no post can spell out "</untrusted_data>" and continue as if it were the prompt.
 */
export function untrustedBlock(name: string, data: unknown): string {
  const json = JSON.stringify(data, null, 2).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `<untrusted_data name="${name}">\n${json}\n</untrusted_data>`;
}

/** The post and everything X sent with it that helps judge it, one block per kind. */
export function postContextBlocks(post: NormalizedPost): string[] {
  return [
    untrustedBlock("post", {
      id: post.id,
      author_username: post.authorUsername,
      author_name: post.authorName,
      posted_at: post.postedAt,
      lang: post.lang,
      text: post.text,
    }),
    untrustedBlock(
      "media",
      post.media.map((m) => ({ type: m.type, alt_text: m.altText, duration_ms: m.durationMs })),
    ),
    untrustedBlock(
      "referenced_posts",
      post.referencedPosts.map((r) => ({
        relation: r.type,
        author_username: r.authorUsername,
        text: r.missing ? null : r.text,
        unavailable: r.missing,
      })),
    ),
    untrustedBlock(
      "note_requests",
      post.noteRequests.map((r) => ({ suggestion: r.suggestion, source_link: r.sourceLink })),
    ),
    untrustedBlock("suggested_sources", post.suggestedSources),
  ];
}

/** Puts the rendered blocks into a prompt template's {{untrusted_data}} slot. */
export function fillTemplate(template: string, blocks: readonly string[]): string {
  // A function replacement, so "$&" or "$1" in a post are not read as replacement patterns.
  return template.replace("{{untrusted_data}}", () => blocks.join("\n\n"));
}
