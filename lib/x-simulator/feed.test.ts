import { describe, expect, it } from "vitest";

import { buildDemoData } from "./demo-data/build";
import { feedPosts, liveRelease, pageOf, releasedLivePosts } from "./feed";
import { decodePaginationToken, encodePaginationToken } from "./pagination-token";

const data = buildDemoData(1);

describe("feeds", () => {
  it("serves the fixed test feed newest first, filtered by language", () => {
    const english = feedPosts(data, { testMode: true, feedSize: "small", feedLang: "en" }, 0);
    expect(english.every((p) => p.lang === "en")).toBe(true);
    expect(english.map((p) => p.id)).toEqual([...english.map((p) => p.id)].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1)));
    expect(feedPosts(data, { testMode: true, feedSize: "xxl", feedLang: "all" }, 10 * 3_600_000)).toHaveLength(data.testFeed.length);
  });

  it("releases live posts with simulated time", () => {
    expect(releasedLivePosts(data, 0)).toHaveLength(liveRelease.initial);
    expect(releasedLivePosts(data, liveRelease.intervalMs * 5)).toHaveLength(liveRelease.initial + 5);
    expect(releasedLivePosts(data, 100 * 24 * 3_600_000)).toHaveLength(data.liveFeed.length);
  });

  it("reaches further with larger feed sizes", () => {
    const sizes = (["small", "large", "xl", "xxl"] as const).map((feedSize) => feedPosts(data, { testMode: false, feedSize, feedLang: "all" }, 0).length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes[0]).toBeLessThan(sizes[3] ?? 0);
    expect(sizes[3]).toBe(liveRelease.initial);
  });
});

describe("keyset pages", () => {
  const items = [5, 4, 3, 2, 1].map((n) => ({ id: String(n) }));

  it("pages by 'older than the cursor'", () => {
    expect(pageOf(items, 2, null)).toEqual({ items: [{ id: "5" }, { id: "4" }], hasMore: true });
    expect(pageOf(items, 2, "4")).toEqual({ items: [{ id: "3" }, { id: "2" }], hasMore: true });
    expect(pageOf(items, 2, "2")).toEqual({ items: [{ id: "1" }], hasMore: false });
    expect(pageOf(items, 2, "1")).toEqual({ items: [], hasMore: false });
  });

  it("is not shifted by items arriving on top", () => {
    expect(pageOf([{ id: "7" }, { id: "6" }, ...items], 2, "4")).toEqual(pageOf(items, 2, "4"));
  });
});

describe("pagination tokens", () => {
  it("round-trip within their query and look like X's", () => {
    const token = encodePaginationToken("posts:true:small:en", "2009471458228568529");
    expect(token).toMatch(/^[0-9a-z]+$/);
    expect(decodePaginationToken("posts:true:small:en", token)).toBe("2009471458228568529");
  });

  it("are refused by another query, and when tampered with", () => {
    const token = encodePaginationToken("posts:true:small:en", "2009471458228568529");
    expect(decodePaginationToken("posts:true:small:es", token)).toBeNull();
    expect(decodePaginationToken("posts:true:small:en", `${token.slice(0, -1)}0`)).toBeNull();
    expect(decodePaginationToken("posts:true:small:en", "a+b/c=")).toBeNull();
  });
});
