import type { DemoDataSet, DemoPost } from "./demo-data/types";
import { compareIdsDescending } from "./snowflake";

export const simFeedSizes = ["small", "large", "xl", "xxl"] as const;
export type SimFeedSize = (typeof simFeedSizes)[number];

const TIER_LIMIT: Record<SimFeedSize, number> = { small: 0, large: 1, xl: 2, xxl: 3 };

/** The live feed starts with this many posts and gains one every interval of simulated time (~240 a day). */
export const liveRelease = { initial: 160, intervalMs: 6 * 60_000 } as const;

export type FeedSelection = { testMode: boolean; feedSize: SimFeedSize; feedLang: string };

export function releasedLivePosts(data: DemoDataSet, simulatedElapsedMs: number): DemoPost[] {
  const released = liveRelease.initial + Math.floor(Math.max(0, simulatedElapsedMs) / liveRelease.intervalMs);
  return data.liveFeed.slice(0, Math.min(data.liveFeed.length, released));
}

/**
 * A writer's feed, newest first. The test feed is fixed; the live feed grows with simulated time and larger
 * feed sizes reach further down the tiers. feed_lang filters both ("all" keeps every language).
 */
export function feedPosts(data: DemoDataSet, selection: FeedSelection, simulatedElapsedMs: number): DemoPost[] {
  const pool = selection.testMode
    ? data.testFeed
    : releasedLivePosts(data, simulatedElapsedMs).filter((p) => p.feedTier <= TIER_LIMIT[selection.feedSize]);
  return pool
    .filter((p) => selection.feedLang === "all" || p.lang === selection.feedLang)
    .sort((a, b) => compareIdsDescending(a.id, b.id));
}

/** Keyset pages: a cursor of "older than this id" stays valid while new items arrive on top. */
export function pageOf<T extends { id: string }>(
  newestFirst: readonly T[],
  maxResults: number,
  olderThan: string | null,
): { items: T[]; hasMore: boolean } {
  const start = olderThan === null ? 0 : newestFirst.findIndex((item) => BigInt(item.id) < BigInt(olderThan));
  if (start < 0) return { items: [], hasMore: false };
  const items = newestFirst.slice(start, start + maxResults);
  return { items, hasMore: start + maxResults < newestFirst.length };
}
