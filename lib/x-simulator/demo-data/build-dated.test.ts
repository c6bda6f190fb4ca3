import { describe, expect, it } from "vitest";

import { liveRelease } from "../feed";
import { snowflake } from "../snowflake";
import { buildDemoData, DATED_MARGIN_MS } from "./build";
import type { DemoDataSet, DemoPost } from "./types";

const SEED = 20260115;
const DATED_AS_OF = Date.UTC(2026, 10, 21, 11, 14, 15);
const undated = buildDemoData(SEED);
const dated = buildDemoData(SEED, DATED_AS_OF);

/** The moment an id was minted, checked by re-minting it from that moment and the id's own sequence bits. */
function mintedAt(id: string, atMs: number): boolean {
  return snowflake(atMs, Number(BigInt(id) & 0x3fffffn)) === id;
}

function idTime(id: string): bigint {
  return BigInt(id) >> 22n;
}

/** A media key is its type's prefix and a snowflake: "3_1234…". */
function mediaId(key: string): string {
  return key.slice(key.indexOf("_") + 1);
}

function allPosts(data: DemoDataSet): DemoPost[] {
  return [...data.referenced.values(), ...data.testFeed, ...data.liveFeed];
}

describe("the demo data set dated as of a moment", () => {
  it("ends its test feed, and the live feed's first release, just before that moment", () => {
    const newestTest = dated.testFeed.at(-1)?.createdAtMs ?? 0;
    expect(newestTest).toBeLessThanOrEqual(DATED_AS_OF - DATED_MARGIN_MS);
    expect(newestTest).toBeGreaterThan(DATED_AS_OF - 15 * 60_000);
    const lastReleased = dated.liveFeed[liveRelease.initial - 1]?.createdAtMs ?? 0;
    expect(lastReleased).toBeLessThan(DATED_AS_OF);
    expect(lastReleased).toBeGreaterThanOrEqual(DATED_AS_OF - liveRelease.intervalMs);
    // Released one interval after the simulator starts, so never dated after it appears on a first start.
    const firstLater = dated.liveFeed[liveRelease.initial]?.createdAtMs ?? 0;
    expect(firstLater).toBeGreaterThanOrEqual(DATED_AS_OF);
    expect(firstLater).toBeLessThan(DATED_AS_OF + liveRelease.intervalMs);
  });

  it("is the same posts, moved: same texts and accounts, other ids", () => {
    expect(dated.testFeed.map((p) => p.text)).toEqual(undated.testFeed.map((p) => p.text));
    expect(dated.liveFeed.map((p) => p.authorId)).toEqual(undated.liveFeed.map((p) => p.authorId));
    expect(dated.users).toEqual(undated.users);
    expect(dated.testFeed[0]?.id).not.toBe(undated.testFeed[0]?.id);
  });

  it("is a pure function of the seed and the moment", () => {
    expect(buildDemoData(SEED, DATED_AS_OF)).toEqual(dated);
    expect(buildDemoData(SEED, DATED_AS_OF + 1).testFeed[0]?.id).not.toBe(dated.testFeed[0]?.id);
  });

  it("without a moment, keeps the fixed dates and ids", () => {
    expect(buildDemoData(SEED, undefined)).toEqual(undated);
    expect(undated.testFeed[0]?.id).toBe("2008088530143674554");
    expect(undated.testFeed.at(-1)?.id).toBe("2009494255139029465");
    expect(new Date(undated.testFeed.at(-1)?.createdAtMs ?? 0).toISOString()).toBe("2026-01-09T05:15:39.680Z");
    expect(undated.liveFeed.at(-1)?.id).toBe("2010862864385967115");
  });

  it("refuses a moment so early that posts would predate their accounts", () => {
    expect(() => buildDemoData(SEED, Date.UTC(2023, 0, 1))).toThrow(/too early/);
    expect(() => buildDemoData(SEED, Number.NaN)).toThrow(/too early/);
  });

  describe.each([
    ["undated", undated],
    ["dated", dated],
  ])("%s, over the whole data set", (_, data) => {
    const posts = allPosts(data);
    const byId = new Map(posts.map((p) => [p.id, p]));

    it("mints every id from its own time, once", () => {
      const deletedIds = new Set(posts.flatMap((p) => p.references.map((r) => r.id)).filter((id) => !byId.has(id)));
      const ids = [
        ...posts.flatMap((p) => [p.id, ...p.noteRequests.map((r) => r.suggestionId), ...p.media.map((m) => mediaId(m.key)), ...p.matchedMediaNotes.map((n) => n.noteId)]),
        ...deletedIds,
      ];
      expect(new Set(ids).size).toBe(ids.length);
      for (const post of posts) {
        expect(mintedAt(post.id, post.createdAtMs)).toBe(true);
        for (const media of post.media) expect(mintedAt(mediaId(media.key), post.createdAtMs)).toBe(true);
      }
      for (const user of data.users.values()) expect(mintedAt(user.id, user.createdAtMs)).toBe(true);
    });

    it("keeps time's order: accounts before their posts, references before their posts, note requests after", () => {
      for (const post of posts) {
        expect(data.users.get(post.authorId)?.createdAtMs ?? Infinity).toBeLessThan(post.createdAtMs);
        for (const reference of post.references) {
          const target = byId.get(reference.id);
          if (target) expect(data.referenced.has(target.id) && target.createdAtMs < post.createdAtMs).toBe(true);
          else expect(idTime(reference.id) < idTime(post.id)).toBe(true);
        }
        for (const request of post.noteRequests) expect(idTime(request.suggestionId) > idTime(post.id)).toBe(true);
        for (const note of post.matchedMediaNotes) expect(idTime(note.noteId) < idTime(post.id)).toBe(true);
      }
    });
  });
});
