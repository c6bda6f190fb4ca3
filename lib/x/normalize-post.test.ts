import { describe, expect, it } from "vitest";

import { normalizedPostSchema } from "@/lib/posts/post";

import { XApiError } from "./errors";
import { normalizeEligiblePage } from "./normalize-post";
import { parseBody } from "./parse";
import { eligiblePostsResponseSchema } from "./schemas/eligible-posts";

const parse = (body: unknown) =>
  parseBody(eligiblePostsResponseSchema, { body, endpoint: "GET /2/notes/search/posts_eligible_for_notes", status: 200, attempts: 1 });

const response = {
  data: [
    {
      id: "1933000000000000001",
      text: "The start of a long post…",
      note_tweet: { text: "The start of a long post, and the rest of it that X only sends in note_tweet." },
      author_id: "42",
      created_at: "2026-01-05T08:00:00.000Z",
      lang: "en",
      edit_history_tweet_ids: ["1933000000000000001"],
      attachments: { media_keys: ["3_1", "7_2", "3_gone"] },
      referenced_tweets: [
        { type: "quoted", id: "1932000000000000001" },
        { type: "replied_to", id: "1932000000000000999" },
      ],
      suggested_source_links_with_counts: [
        { url: "https://stats.example.gov/a", count: 3 },
        { url: { url: "https://t.co/abc", expanded_url: "https://news.example.com/b", display_url: "news.example.com/b" }, count: 1 },
      ],
      note_request_suggestions: [
        { suggestion_id: "77", suggestion: "The figure is wrong.", source_link: "https://stats.example.gov/a" },
        { suggestion: "Needs context." },
      ],
      matched_media_notes: [{ note_id: "55", match_status: "matched_but_not_shown" }],
      public_metrics: { like_count: 4, retweet_count: 1 },
    },
    { id: "1933000000000000002", text: "A plain post.", referenced_posts: [{ type: "quoted", id: "1932000000000000001" }] },
  ],
  includes: {
    media: [
      { media_key: "3_1", type: "photo", url: "https://pbs.example/1.jpg", alt_text: "A chart", width: 1200, height: 675 },
      {
        media_key: "7_2",
        type: "video",
        preview_image_url: "https://pbs.example/2.jpg",
        duration_ms: 12_000,
        variants: [
          { content_type: "application/x-mpegURL", url: "https://video.example/2.m3u8" },
          { content_type: "video/mp4", bit_rate: 632_000, url: "https://video.example/2-480.mp4" },
          { content_type: "video/mp4", bit_rate: 2_176_000, url: "https://video.example/2-1280.mp4" },
        ],
      },
    ],
    tweets: [{ id: "1932000000000000001", text: "Quoted text", author_id: "43" }],
    users: [
      { id: "42", username: "lena", name: "Lena H" },
      { id: "43", username: "marcus", name: "Marcus O" },
    ],
  },
  meta: { result_count: 2, next_token: "abc", newest_id: "1933000000000000002", oldest_id: "1933000000000000001" },
  errors: [{ title: "Not Found Error", detail: "Could not find tweet with referenced_tweets.id: [1932000000000000999].", type: "https://api.x.com/2/problems/resource-not-found" }],
};

describe("normalizeEligiblePage", () => {
  const [first, second] = normalizeEligiblePage(parse(response));

  it("produces valid Notedesk posts", () => {
    for (const post of [first, second]) expect(normalizedPostSchema.parse(post)).toEqual(post);
  });

  it("prefers note_tweet text and joins the author", () => {
    expect(first).toMatchObject({
      text: "The start of a long post, and the rest of it that X only sends in note_tweet.",
      authorId: "42",
      authorUsername: "lena",
      authorName: "Lena H",
      postedAt: "2026-01-05T08:00:00.000Z",
      lang: "en",
      publicMetrics: { like_count: 4, retweet_count: 1 },
    });
  });

  it("joins media, skipping keys X did not include, and picks the best MP4 for videos", () => {
    expect(first?.media).toEqual([
      { key: "3_1", type: "photo", url: "https://pbs.example/1.jpg", previewUrl: null, altText: "A chart", durationMs: null, width: 1200, height: 675 },
      { key: "7_2", type: "video", url: "https://video.example/2-1280.mp4", previewUrl: "https://pbs.example/2.jpg", altText: null, durationMs: 12_000, width: null, height: null },
    ]);
    expect(first?.mediaType).toBe("mixed");
    expect(second?.mediaType).toBe("none");
  });

  it("keeps a deleted referenced post as missing instead of failing", () => {
    expect(first?.referencedPosts).toEqual([
      { type: "quoted", id: "1932000000000000001", text: "Quoted text", authorUsername: "marcus", missing: false },
      { type: "replied_to", id: "1932000000000000999", text: null, authorUsername: null, missing: true },
    ]);
  });

  it("reads the newer spec's referenced_posts too", () => {
    expect(second?.referencedPosts).toEqual([{ type: "quoted", id: "1932000000000000001", text: "Quoted text", authorUsername: "marcus", missing: false }]);
  });

  it("takes suggested source URLs as strings or URL entities (expanded)", () => {
    expect(first?.suggestedSources).toEqual([
      { url: "https://stats.example.gov/a", count: 3 },
      { url: "https://news.example.com/b", count: 1 },
    ]);
  });

  it("maps note requests and matched media notes", () => {
    expect(first?.noteRequests).toEqual([
      { suggestionId: "77", suggestion: "The figure is wrong.", sourceLink: "https://stats.example.gov/a" },
      { suggestionId: null, suggestion: "Needs context.", sourceLink: null },
    ]);
    expect(first?.matchedMediaNotes).toEqual([{ noteId: "55", matchStatus: "matched_but_not_shown" }]);
  });

  it("reads an empty page (no data) as no posts", () => {
    expect(normalizeEligiblePage(parse({ meta: { result_count: 0 } }))).toEqual([]);
  });
});

describe("eligible posts responses that fit no variant", () => {
  function malformedPath(body: unknown): string | null {
    try {
      parse(body);
    } catch (error) {
      expect(error).toBeInstanceOf(XApiError);
      expect((error as XApiError).kind).toBe("malformed_response");
      return (error as XApiError).fieldPath;
    }
    return null;
  }

  it("names the offending field", () => {
    expect(malformedPath({ data: [{ id: 5, text: "x" }], meta: { result_count: 1 } })).toBe("data[0].id");
    expect(malformedPath({ data: [{ id: "1", text: "x", referenced_tweets: [{ type: "mentioned", id: "2" }] }], meta: { result_count: 1 } })).toBe(
      "data[0].referenced_tweets[0].type",
    );
    expect(malformedPath({ data: [{ id: "1", text: "x", suggested_source_links_with_counts: [{ url: 7, count: 1 }] }], meta: { result_count: 1 } })).toBe(
      "data[0].suggested_source_links_with_counts[0].url",
    );
    expect(malformedPath({ data: [] })).toBe("meta");
    expect(malformedPath("not an object")).toBe("(body)");
  });
});
