import { mediaTypeOf, type NormalizedPost, type PostMedia, type ReferencedPost } from "@/lib/posts/post";

import type { ApiMedia, ApiPost, ApiUser, EligiblePostsResponse } from "./schemas/eligible-posts";

/** Videos and GIFs have no `url`; the highest-bitrate MP4 variant is the playable one. */
function playableUrl(media: ApiMedia): string | null {
  if (media.url) return media.url;
  const mp4s = (media.variants ?? []).filter((v) => v.content_type === "video/mp4");
  const best = mp4s.reduce<(typeof mp4s)[number] | undefined>(
    (top, v) => (top === undefined || (v.bit_rate ?? 0) > (top.bit_rate ?? 0) ? v : top),
    undefined,
  );
  return best?.url ?? null;
}

function toPostMedia(media: ApiMedia): PostMedia {
  return {
    key: media.media_key,
    type: media.type,
    url: playableUrl(media),
    previewUrl: media.preview_image_url ?? null,
    altText: media.alt_text ?? null,
    durationMs: media.duration_ms ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
  };
}

function fullText(post: ApiPost): string {
  return post.note_tweet?.text ?? post.text;
}

function indexBy<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

/**
 * One page of `posts_eligible_for_notes` in Notedesk's post shape: long-post text preferred, media, authors
 * and referenced posts joined from `includes`. A referenced post X left out (deleted or unavailable) is kept
 * as `missing` rather than failing the page; media keys without an include are skipped the same way.
 */
export function normalizeEligiblePage(response: EligiblePostsResponse): NormalizedPost[] {
  const media = indexBy(response.includes?.media, (m) => m.media_key);
  const included = indexBy(response.includes?.tweets, (p) => p.id);
  const users = indexBy<ApiUser>(response.includes?.users, (u) => u.id);
  const username = (authorId: string | undefined) => (authorId ? (users.get(authorId)?.username ?? null) : null);

  return (response.data ?? []).map((post): NormalizedPost => {
    const author = post.author_id ? users.get(post.author_id) : undefined;
    const postMedia = (post.attachments?.media_keys ?? [])
      .map((key) => media.get(key))
      .filter((m): m is ApiMedia => m !== undefined)
      .map(toPostMedia);
    const referencedPosts = (post.referenced_tweets ?? post.referenced_posts ?? []).map((ref): ReferencedPost => {
      const target = included.get(ref.id);
      return {
        type: ref.type,
        id: ref.id,
        text: target ? fullText(target) : null,
        authorUsername: username(target?.author_id),
        missing: target === undefined,
      };
    });
    return {
      id: post.id,
      text: fullText(post),
      authorId: post.author_id ?? null,
      authorUsername: author?.username ?? null,
      authorName: author?.name ?? null,
      postedAt: post.created_at ?? null,
      lang: post.lang ?? null,
      media: postMedia,
      mediaType: mediaTypeOf(postMedia),
      referencedPosts,
      noteRequests: (post.note_request_suggestions ?? []).map((request) => ({
        suggestionId: request.suggestion_id ?? null,
        suggestion: request.suggestion,
        sourceLink: request.source_link ?? null,
      })),
      suggestedSources: (post.suggested_source_links_with_counts ?? []).map((link) => ({
        url: typeof link.url === "string" ? link.url : (link.url.expanded_url ?? link.url.unwound_url ?? link.url.url),
        count: link.count,
      })),
      matchedMediaNotes: (post.matched_media_notes ?? []).map((m) => ({ noteId: m.note_id, matchStatus: m.match_status })),
      publicMetrics: post.public_metrics ?? null,
    };
  });
}
