import { describe, expect, it } from "vitest";

import { buildDemoData, demoDataSizes, languagePacks } from "./build";
import { postKinds } from "./language-pack";

const data = buildDemoData(20260115);
const feedPosts = [...data.testFeed, ...data.liveFeed];

describe("the demo data set", () => {
  it("is a pure function of the seed", () => {
    expect(buildDemoData(20260115)).toEqual(data);
    expect(buildDemoData(7).testFeed.map((p) => p.text)).not.toEqual(data.testFeed.map((p) => p.text));
  });

  it("holds at least 300 eligible posts with unique, time-ordered ids, in separate test and live feeds", () => {
    expect(feedPosts.length).toBeGreaterThanOrEqual(300);
    expect(data.testFeed).toHaveLength(demoDataSizes.testFeed);
    expect(data.liveFeed).toHaveLength(demoDataSizes.liveFeed);
    const ids = feedPosts.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const feed of [data.testFeed, data.liveFeed]) {
      const sorted = [...feed].sort((a, b) => a.createdAtMs - b.createdAtMs);
      expect(feed).toEqual(sorted);
      feed.slice(1).forEach((post, i) => expect(BigInt(post.id) > BigInt(feed[i]?.id ?? 0)).toBe(true));
    }
    expect(ids.every((id) => /^[0-9]{1,19}$/.test(id))).toBe(true);
  });

  it("speaks every demo language and covers every kind of post", () => {
    for (const pack of languagePacks) expect(feedPosts.filter((p) => p.lang === pack.lang).length).toBeGreaterThanOrEqual(15);
    expect(languagePacks.map((p) => p.lang)).toEqual(expect.arrayContaining(["en", "es", "fr", "de", "pt", "ja"]));
    for (const kind of postKinds) expect(feedPosts.filter((p) => p.kind === kind).length).toBeGreaterThanOrEqual(10);
    expect(feedPosts.some((p) => /\d/.test(p.text) && p.kind === "claim_number")).toBe(true);
  });

  it("fills every template slot", () => {
    for (const post of [...feedPosts, ...data.referenced.values()]) expect(post.longText ?? post.text).not.toMatch(/\{\w+\}/);
  });

  it("has long posts whose text is the truncated start of note_tweet", () => {
    const long = feedPosts.filter((p) => p.longText !== null);
    expect(long.length).toBeGreaterThanOrEqual(15);
    for (const post of long) {
      expect(Array.from(post.longText ?? "").length).toBeGreaterThan(280);
      expect(post.text.endsWith("…")).toBe(true);
      expect(post.longText?.startsWith(post.text.slice(0, -1).trimEnd())).toBe(true);
    }
  });

  it("quotes and replies, some to posts that were deleted", () => {
    const references = feedPosts.flatMap((p) => p.references);
    expect(references.filter((r) => r.type === "quoted").length).toBeGreaterThan(20);
    expect(references.filter((r) => r.type === "replied_to").length).toBeGreaterThan(10);
    const deleted = references.filter((r) => !data.referenced.has(r.id));
    expect(deleted.length).toBeGreaterThan(3);
    expect(deleted.length).toBeLessThan(references.length / 2);
  });

  it("carries photos, videos and GIFs, with alt text on some", () => {
    const media = feedPosts.flatMap((p) => p.media);
    for (const type of ["photo", "video", "animated_gif"]) expect(media.filter((m) => m.type === type).length).toBeGreaterThan(5);
    expect(media.filter((m) => m.altText !== null).length).toBeGreaterThan(20);
    expect(media.filter((m) => m.type === "video").every((m) => (m.durationMs ?? 0) > 0)).toBe(true);
    const withVideo = feedPosts.filter((p) => p.media.some((m) => m.type === "video")).length / feedPosts.length;
    expect(withVideo).toBeGreaterThan(0.2);
    expect(withVideo).toBeLessThan(0.5);
    expect(feedPosts.some((p) => new Set(p.media.map((m) => m.type)).size > 1)).toBe(true);
  });

  it("carries note requests and suggested sources, some in the older URL-entity form", () => {
    expect(feedPosts.filter((p) => p.noteRequests.length > 0).length).toBeGreaterThan(50);
    expect(feedPosts.some((p) => p.noteRequests.some((r) => r.sourceLink !== null))).toBe(true);
    const links = feedPosts.flatMap((p) => p.sourceLinks);
    expect(links.filter((l) => l.legacyEntity).length).toBeGreaterThan(10);
    expect(links.filter((l) => !l.legacyEntity).length).toBeGreaterThan(10);
    expect(links.some((l) => l.url.startsWith("http://"))).toBe(true);
    expect(links.some((l) => l.url.includes("bit.ly") || l.url.includes("tinyurl"))).toBe(true);
  });

  it("has posts with matched media notes, some already shown", () => {
    const matched = feedPosts.flatMap((p) => p.matchedMediaNotes);
    expect(matched.some((m) => m.matchStatus === "matched_and_shown")).toBe(true);
    expect(matched.some((m) => m.matchStatus === "matched_but_not_shown")).toBe(true);
  });

  it("attributes every post to an account of its language", () => {
    for (const post of feedPosts) {
      expect(data.users.get(post.authorId)?.lang).toBe(post.lang);
    }
  });
});
