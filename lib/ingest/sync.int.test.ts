import { describe, expect, it } from "vitest";

import { syncEligiblePosts, type EligibleFeed } from "./sync";
import { fakePost, fixedFeed, simulatorFeed, syncTestbed } from "./testing";

const bed = await syncTestbed();
const { t, sim } = bed;

describe("syncing eligible posts from the simulator", () => {
  it("stores every post of the feed with its signals and records the run", async () => {
    const result = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 });
    expect(result.state).toBe("succeeded");
    expect(result.counts.new).toBeGreaterThan(100);
    expect(result.counts.new).toBe(await t.db.post.count());
    expect(await t.db.eligibility.count({ where: { writerId: bed.writer.id, testMode: true } })).toBe(result.counts.new);

    const withRequests = await t.db.post.count({ where: { noteRequestCount: { gt: 0 } } });
    const withMedia = await t.db.post.count({ where: { mediaType: { not: "none" } } });
    expect(withRequests).toBeGreaterThan(0);
    expect(withMedia).toBeGreaterThan(0);

    const run = await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: "sync", state: "succeeded", writerId: bed.writer.id, testMode: true });
    expect(run.counts).toMatchObject({ new: result.counts.new, pages: result.pages });
  });

  it("changes nothing on a second run over the same feed", async () => {
    await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 });
    const before = await t.db.post.findMany({ select: { id: true, updatedAt: true, contentHash: true }, orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThan(100);

    const again = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, skipped: before.length });
    const after = await t.db.post.findMany({ select: { id: true, updatedAt: true, contentHash: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
  });

  it("stops at the first page that holds only posts it already has", async () => {
    const first = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20, maxPages: 3 });
    expect(first.pages).toBe(3);
    const second = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20, maxPages: 100 });
    expect(second.pages).toBe(1);
    expect(second.counts.new).toBe(0);
  });

  it("updates a post whose content changed and counts it as updated", async () => {
    const post = fakePost("1001");
    await syncEligiblePosts(t.db, fixedFeed([post]), { writer: bed.writer });
    const edited = { ...post, text: "Edited text with a new claim: 42% of cats.", publicMetrics: { like_count: 99 } };
    const result = await syncEligiblePosts(t.db, fixedFeed([edited]), { writer: bed.writer, fullScan: true });
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
    const first = syncEligiblePosts(t.db, slowFeed, { writer: bed.writer });
    await expect.poll(() => t.db.jobRun.count({ where: { state: "running" } })).toBe(1);
    await expect(syncEligiblePosts(t.db, slowFeed, { writer: bed.writer })).rejects.toThrow(/already in progress/);
    open();
    expect((await first).counts.new).toBe(2);
    expect(await t.db.post.count()).toBe(2);
  });

  it("keeps posts from concurrent runs of different writers exactly once", async () => {
    const other = await t.db.writer.create({ data: { name: "w2", feedLang: "all" }, select: { id: true, testMode: true, feedSize: true, feedLang: true } });
    const [a, b] = await Promise.all([
      syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 }),
      syncEligiblePosts(t.db, simulatorFeed(sim), { writer: other, fullScan: true, maxPages: 100 }),
    ]);
    const posts = await t.db.post.count();
    expect(posts).toBeGreaterThan(100);
    expect(a.counts.new + b.counts.new).toBe(posts);
    expect(a.counts.new + a.counts.skipped + a.counts.updated).toBe(posts);
    expect(await t.db.eligibility.count()).toBe(posts * 2);
  });

  // A full scan reads the next page while it writes this one: the break surfaces after the page before it all the same.
  it.each([false, true])("records a failed run with the error when the feed breaks midway (full scan: %s)", async (fullScan) => {
    const broken: EligibleFeed = async function* () {
      yield [fakePost("3001")];
      yield [fakePost("3002")];
      throw new Error("X answered 503 three times");
    };
    const result = await syncEligiblePosts(t.db, broken, { writer: bed.writer, fullScan });
    expect(result.state).toBe("failed");
    expect(result.counts).toMatchObject({ new: 2, pages: 2 });
    expect(result.errors[0]?.message).toContain("503");
  });
});

describe("reading the next page while writing this one (full scans only)", () => {
  const requestsDuring = async <T>(work: () => Promise<T>) => {
    const before = sim.control.requests().length;
    const result = await work();
    return { result, requests: sim.control.requests().length - before };
  };
  /** What a pull stores of each post, timestamps aside. */
  const stored = () =>
    t.db.post.findMany({
      orderBy: { id: "asc" },
      select: { id: true, contentHash: true, checkability: true, machineVerdict: true, triageVerdict: true, triageAgainst: true, priorityKey: true },
    });

  it("asks X for no page the run does not write: not past the first page of known posts, nor past the page cap", async () => {
    const first = await requestsDuring(() => syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20, maxPages: 3 }));
    expect(first).toMatchObject({ result: { pages: 3 }, requests: 3 });
    const pull = await requestsDuring(() => syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20, maxPages: 100 }));
    expect(pull).toMatchObject({ result: { pages: 1 }, requests: 1 });
    const scan = await requestsDuring(() => syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20, maxPages: 4, fullScan: true }));
    expect(scan).toMatchObject({ result: { pages: 4 }, requests: 4 });
  });

  it("stores and counts the same as a run that does not read ahead", async () => {
    const pull = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20, maxPages: 100 });
    const pulled = await stored();
    expect(pulled.length).toBeGreaterThan(100);
    await t.db.$executeRaw`TRUNCATE posts, eligibility, job_runs CASCADE`;
    const scan = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20, maxPages: 100, fullScan: true });
    expect(await stored()).toEqual(pulled);
    expect([scan.state, scan.counts, scan.triage]).toEqual([pull.state, pull.counts, pull.triage]);
  });

  it("ends the feed at the page cap, having read no page past it", async () => {
    let served = 0;
    let ended = false;
    const feed: EligibleFeed = async function* () {
      try {
        for (let page = 0; page < 5; page++) {
          served += 1;
          yield [fakePost(`400${page}`)];
        }
      } finally {
        ended = true;
      }
    };
    const result = await syncEligiblePosts(t.db, feed, { writer: bed.writer, fullScan: true, maxPages: 2 });
    expect([result.pages, served, ended]).toEqual([2, 2, true]);
  });
});
