import type { PostKind } from "./language-pack";

export type DemoMediaType = "photo" | "video" | "animated_gif";

export type DemoMedia = {
  key: string;
  type: DemoMediaType;
  width: number;
  height: number;
  altText: string | null;
  durationMs: number | null;
  viewCount: number | null;
};

export type DemoSourceLink = {
  url: string;
  count: number;
  /** Sent in the older spec's URL-entity form unless a variant overrides it. */
  legacyEntity: boolean;
};

export type DemoLink = { shortUrl: string; expandedUrl: string };

export type DemoPost = {
  id: string;
  text: string;
  /** The full text of a long post (note_tweet); `text` is then its truncated opening. */
  longText: string | null;
  authorId: string;
  createdAtMs: number;
  lang: string;
  kind: PostKind;
  media: DemoMedia[];
  references: { type: "quoted" | "replied_to"; id: string }[];
  noteRequests: { suggestionId: string; suggestion: string; sourceLink: string | null }[];
  sourceLinks: DemoSourceLink[];
  matchedMediaNotes: { noteId: string; matchStatus: "matched_but_not_shown" | "matched_and_shown" }[];
  links: DemoLink[];
  publicMetrics: Record<string, number>;
  /** 0 = in every live feed size; 3 = only in xxl. */
  feedTier: 0 | 1 | 2 | 3;
};

export type DemoUser = {
  id: string;
  /** The language this account posts in. */
  lang: string;
  username: string;
  name: string;
  description: string;
  createdAtMs: number;
  verified: boolean;
  followers: number;
};

export type DemoDataSet = {
  /** The fixed test feed, oldest first. */
  testFeed: DemoPost[];
  /** The live feed in release order, oldest first; how many are out depends on simulated time. */
  liveFeed: DemoPost[];
  /** Quoted and replied-to posts that still exist. */
  referenced: Map<string, DemoPost>;
  users: Map<string, DemoUser>;
};
