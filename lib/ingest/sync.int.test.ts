import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startXSimulator, type XSimulator } from "@/lib/x-simulator";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { syncEligiblePosts, type EligibleFeed } from "./sync";
import { fakePost, fixedFeed, simulatorFeed as feedOf } from "./testing";

let t: TestDatabase;
let sim: XSimulator;
let writer: { id: string; testMode: boolean; feedSize: string; feedLang: string };

const simulatorFeed = () => feedOf(sim);

beforeAll(async () => {
  t = await createTestDatabase();
  sim = await startXSimulator({ rateLimits: { requestsPerWindow: 10_000 } });
});
afterAll(async () => {
  await sim.stop();
  await t.drop();
});
beforeEach(async () => {
  await t.db.$executeRaw`TRUNCATE posts, eligibility, job_runs, writers CASCADE`;
  writer = await t.db.writer.create({ data: { name: "w", feedLang: "all" }, select: { id: true, testMode: true, feedSize: true, feedLang: true } });
});

describe("syncing eligible posts from the simulator", () => {
  it("stores every post of the feed with its signals and records the run", async () => {
    const result = await syncEligiblePosts(t.db, simulatorFeed(), { writer, fullScan: true, maxPages: 100 });
    expect(result.state).toBe("succeeded");
    expect(result.counts.new).toBeGreaterThan(100);
    expect(result.counts.new).toBe(await t.db.post.count());
    expect(await t.db.eligibility.count({ where: { writerId: writer.id, testMode: true } })).toBe(result.counts.new);

    const withRequests = await t.db.post.count({ where: { noteRequestCount: { gt: 0 } } });
    const withMedia = await t.db.post.count({ where: { mediaType: { not: "none" } } });
    expect(withRequests).toBeGreaterThan(0);
    expect(withMedia).toBeGreaterThan(0);

    const run = await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: "sync", state: "succeeded", writerId: writer.id, testMode: true });
    expect(run.counts).toMatchObject({ new: result.counts.new, pages: result.pages });
  });

  it("changes nothing on a second run over the same feed", async () => {
    await syncEligiblePosts(t.db, simulatorFeed(), { writer, fullScan: true, maxPages: 100 });
    const before = await t.db.post.findMany({ select: { id: true, updatedAt: true, contentHash: true }, orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThan(100);

    const again = await syncEligiblePosts(t.db, simulatorFeed(), { writer, fullScan: true, maxPages: 100 });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, skipped: before.length });
    const after = await t.db.post.findMany({ select: { id: true, updatedAt: true, contentHash: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
  });

  it("stops at the first page that holds only posts it already has", async () => {
    const first = await syncEligiblePosts(t.db, simulatorFeed(), { writer, pageSize: 20, maxPages: 3 });
    expect(first.pages).toBe(3);
    const second = await syncEligiblePosts(t.db, simulatorFeed(), { writer, pageSize: 20, maxPages: 100 });
    expect(second.pages).toBe(1);
    expect(second.counts.new).toBe(0);
  });

  it("updates a post whose content changed and counts it as updated", async () => {
    const post = fakePost("1001");
    await syncEligiblePosts(t.db, fixedFeed([post]), { writer });
    const edited = { ...post, text: "Edited text with a new claim: 42% of cats.", publicMetrics: { like_count: 99 } };
    const result = await syncEligiblePosts(t.db, fixedFeed([edited]), { writer, fullScan: true });
    expect(result.counts).toMatchObject({ new: 0, updated: 1, skipped: 0 });
    expect((await t.db.post.findUniqueOrThrow({ where: { id: "1001" } })).text).toBe(edited.text);
  });

  it("refuses a second run for the same writer while one is running, and doubles nothing", async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slowFeed: EligibleFeed = async function* () {
      await gate;
      yield [fakePost("2001"), fakePost("2002")];
    };
    const first = syncEligiblePosts(t.db, slowFeed, { writer });
    await expect.poll(() => t.db.jobRun.count({ where: { state: "running" } })).toBe(1);
    await expect(syncEligiblePosts(t.db, slowFeed, { writer })).rejects.toThrow(/already in progress/);
    open();
    expect((await first).counts.new).toBe(2);
    expect(await t.db.post.count()).toBe(2);
  });

  it("keeps posts from concurrent runs of different writers exactly once", async () => {
    const other = await t.db.writer.create({ data: { name: "w2", feedLang: "all" }, select: { id: true, testMode: true, feedSize: true, feedLang: true } });
    const [a, b] = await Promise.all([
      syncEligiblePosts(t.db, simulatorFeed(), { writer, fullScan: true, maxPages: 100 }),
      syncEligiblePosts(t.db, simulatorFeed(), { writer: other, fullScan: true, maxPages: 100 }),
    ]);
    const posts = await t.db.post.count();
    expect(posts).toBeGreaterThan(100);
    expect(a.counts.new + b.counts.new).toBe(posts);
    expect(a.counts.new + a.counts.skipped + a.counts.updated).toBe(posts);
    expect(await t.db.eligibility.count()).toBe(posts * 2);
  });

  it("records a failed run with the error when the feed breaks midway", async () => {
    const broken: EligibleFeed = async function* () {
      yield [fakePost("3001")];
      throw new Error("X answered 503 three times");
    };
    const result = await syncEligiblePosts(t.db, broken, { writer });
    expect(result.state).toBe("failed");
    expect(result.counts.new).toBe(1);
    expect(result.errors[0]?.message).toContain("503");
  });
});
