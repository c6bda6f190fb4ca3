import type { DemoDataSet, DemoMedia, DemoPost, DemoSourceLink, DemoUser } from "./demo-data/types";
import type { ResponseVariants } from "./variants";

export type PostFieldSelection = {
  tweetFields: ReadonlySet<string>;
  expansions: ReadonlySet<string>;
  mediaFields: ReadonlySet<string>;
  userFields: ReadonlySet<string>;
};

export type PostRenderContext = {
  data: DemoDataSet;
  selection: PostFieldSelection;
  variants: ResponseVariants;
  /** This server's origin, for the placeholder media URLs it serves. */
  origin: string;
};

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, ".000Z");

function shortLink(url: string): string {
  let hash = 7;
  for (const char of url) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `https://t.co/${hash.toString(36).padStart(8, "0")}`;
}

function urlEntity(url: string): Record<string, string> {
  const display = url.replace(/^https?:\/\//, "");
  return { url: shortLink(url), expanded_url: url, display_url: display.length > 26 ? `${display.slice(0, 25)}…` : display };
}

function sourceLink(link: DemoSourceLink, variants: ResponseVariants): { url: unknown; count: number } {
  const entity = variants.sourceLinkForm === "entity" || (variants.sourceLinkForm === "mixed" && link.legacyEntity);
  return { url: entity ? urlEntity(link.url) : link.url, count: link.count };
}

/** X counts entity offsets in code points. */
function entitiesOf(post: DemoPost): Record<string, unknown> | null {
  const offsetOf = (needle: string) => {
    const index = post.text.indexOf(needle);
    return index < 0 ? -1 : Array.from(post.text.slice(0, index)).length;
  };
  const urls = post.links
    .map((link) => ({ link, start: offsetOf(link.shortUrl) }))
    .filter(({ start }) => start >= 0)
    .map(({ link, start }) => ({ start, end: start + Array.from(link.shortUrl).length, ...urlEntity(link.expandedUrl), url: link.shortUrl }));
  const hashtags = [...post.text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => {
    const start = Array.from(post.text.slice(0, match.index)).length;
    return { start, end: start + Array.from(match[0]).length, tag: match[1] };
  });
  if (urls.length === 0 && hashtags.length === 0) return null;
  return { ...(urls.length > 0 && { urls }), ...(hashtags.length > 0 && { hashtags }) };
}

function renderPost(post: DemoPost, ctx: PostRenderContext): Record<string, unknown> {
  const fields = ctx.selection.tweetFields;
  const expansions = ctx.selection.expansions;
  const repliedTo = post.references.find((r) => r.type === "replied_to");
  const repliedToPost = repliedTo ? ctx.data.referenced.get(repliedTo.id) : undefined;
  const entities = fields.has("entities") ? entitiesOf(post) : null;
  return {
    id: post.id,
    text: post.text,
    edit_history_tweet_ids: [post.id],
    ...(fields.has("author_id") && { author_id: post.authorId }),
    ...(fields.has("created_at") && { created_at: iso(post.createdAtMs) }),
    ...(fields.has("lang") && { lang: post.lang }),
    ...(fields.has("conversation_id") && { conversation_id: repliedTo?.id ?? post.id }),
    ...(fields.has("in_reply_to_user_id") && repliedToPost && { in_reply_to_user_id: repliedToPost.authorId }),
    ...(fields.has("possibly_sensitive") && { possibly_sensitive: false }),
    ...(fields.has("note_tweet") && post.longText !== null && { note_tweet: { text: post.longText } }),
    ...((fields.has("attachments") || expansions.has("attachments.media_keys")) &&
      post.media.length > 0 && { attachments: { media_keys: post.media.map((m) => m.key) } }),
    ...((fields.has("referenced_tweets") || expansions.has("referenced_tweets.id")) &&
      post.references.length > 0 && { referenced_tweets: post.references.map((r) => ({ type: r.type, id: r.id })) }),
    ...(entities && { entities }),
    ...(fields.has("public_metrics") && { public_metrics: post.publicMetrics }),
    ...(fields.has("suggested_source_links_with_counts") &&
      post.sourceLinks.length > 0 && {
        suggested_source_links_with_counts: post.sourceLinks.map((link) => sourceLink(link, ctx.variants)),
      }),
    ...(fields.has("note_request_suggestions") &&
      post.noteRequests.length > 0 && {
        note_request_suggestions: post.noteRequests.map((r) => ({
          suggestion_id: r.suggestionId,
          suggestion: r.suggestion,
          ...(r.sourceLink !== null && { source_link: r.sourceLink }),
        })),
      }),
    ...(fields.has("matched_media_notes") &&
      post.matchedMediaNotes.length > 0 && {
        matched_media_notes: post.matchedMediaNotes.map((m) => ({ note_id: m.noteId, match_status: m.matchStatus })),
      }),
  };
}

function renderMedia(media: DemoMedia, ctx: PostRenderContext): Record<string, unknown> {
  const fields = ctx.selection.mediaFields;
  const file = (suffix: string) => `${ctx.origin}/_sim/media/${media.key}${suffix}`;
  const playable = media.type !== "photo";
  return {
    media_key: media.key,
    type: media.type,
    ...(fields.has("url") && !playable && { url: file(".svg") }),
    ...(fields.has("preview_image_url") && playable && { preview_image_url: file(".svg") }),
    ...(fields.has("alt_text") && media.altText !== null && { alt_text: media.altText }),
    ...(fields.has("duration_ms") && media.durationMs !== null && { duration_ms: media.durationMs }),
    ...(fields.has("width") && { width: media.width }),
    ...(fields.has("height") && { height: media.height }),
    ...(fields.has("public_metrics") && media.viewCount !== null && { public_metrics: { view_count: media.viewCount } }),
    ...(fields.has("variants") &&
      playable && {
        variants:
          media.type === "video"
            ? [
                { bit_rate: 632_000, content_type: "video/mp4", url: file("-480.mp4") },
                { bit_rate: 2_176_000, content_type: "video/mp4", url: file("-1280.mp4") },
                { content_type: "application/x-mpegURL", url: file(".m3u8") },
              ]
            : [{ bit_rate: 0, content_type: "video/mp4", url: file(".mp4") }],
      }),
  };
}

function renderUser(user: DemoUser, ctx: PostRenderContext): Record<string, unknown> {
  const fields = ctx.selection.userFields;
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    ...(fields.has("created_at") && { created_at: iso(user.createdAtMs) }),
    ...(fields.has("description") && { description: user.description }),
    ...(fields.has("verified") && { verified: user.verified }),
    ...(fields.has("protected") && { protected: false }),
    ...(fields.has("public_metrics") && {
      public_metrics: { followers_count: user.followers, following_count: Math.round(user.followers / 7) + 40, tweet_count: user.followers * 3 + 120, listed_count: Math.round(user.followers / 90) },
    }),
  };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** A posts_eligible_for_notes body: data, the requested includes, and errors for referenced posts that are gone. */
export function renderEligiblePosts(posts: readonly DemoPost[], ctx: PostRenderContext): Record<string, unknown> {
  const { expansions } = ctx.selection;
  const referenceIds = expansions.has("referenced_tweets.id") ? unique(posts.flatMap((p) => p.references.map((r) => r.id)), (id) => id) : [];
  const referenced = referenceIds.map((id) => ctx.data.referenced.get(id)).filter((p): p is DemoPost => p !== undefined);
  const missing = referenceIds.filter((id) => !ctx.data.referenced.has(id));

  const media = unique(
    [
      ...(expansions.has("attachments.media_keys") ? posts.flatMap((p) => p.media) : []),
      ...(expansions.has("referenced_tweets.id.attachments.media_keys") ? referenced.flatMap((p) => p.media) : []),
    ],
    (m) => m.key,
  );
  const authorIds = [
    ...(expansions.has("author_id") ? posts.map((p) => p.authorId) : []),
    ...(expansions.has("referenced_tweets.id.author_id") ? referenced.map((p) => p.authorId) : []),
  ];
  const users = unique(authorIds, (id) => id)
    .map((id) => ctx.data.users.get(id))
    .filter((u): u is DemoUser => u !== undefined);

  const includes = {
    ...(media.length > 0 && { media: media.map((m) => renderMedia(m, ctx)) }),
    ...(referenced.length > 0 && { tweets: referenced.map((p) => renderPost(p, ctx)) }),
    ...(users.length > 0 && { users: users.map((u) => renderUser(u, ctx)) }),
  };
  return {
    ...(posts.length > 0 && { data: posts.map((p) => renderPost(p, ctx)) }),
    ...(Object.keys(includes).length > 0 && { includes }),
    ...(missing.length > 0 && {
      errors: missing.map((id) => ({
        value: id,
        detail: `Could not find tweet with referenced_tweets.id: [${id}].`,
        title: "Not Found Error",
        resource_type: "tweet",
        parameter: "referenced_tweets.id",
        resource_id: id,
        type: "https://api.x.com/2/problems/resource-not-found",
      })),
    }),
  };
}
