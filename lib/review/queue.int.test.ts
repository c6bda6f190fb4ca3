import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expireClaim, seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { claimDraft } from "./claims";
import type { QueueRowDto } from "./dto";
import { countDraftsByState, listQueue } from "./queue";
import { parseQueueFilters, type QueueFilters } from "./queue-filters";

const t = await createTestDatabase();
afterAll(() => t.drop());

let viewer: { id: string; name: string };
let other: { id: string; name: string };
beforeAll(async () => {
  viewer = await seedUser(t.db, "Viewer");
  other = await seedUser(t.db, "Other");
});

/** Walks every page and returns the rows in the order the pages showed them. */
async function allPages(filters: Partial<QueueFilters>): Promise<QueueRowDto[]> {
  const rows: QueueRowDto[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listQueue({ ...parseQueueFilters({}), ...filters, cursor }, viewer);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listQueue", () => {
  let writer: string;
  const expected = { en: [] as string[], all: [] as string[] };

  beforeAll(async () => {
    writer = (await seedWriter(t.db)).id;
    // Several drafts share one ready_at, so the id tie-break is exercised at page edges.
    const times = [3, 1, 2, 2, 2, 5, 4, 4, 6, 7, 7, 7, 8, 9, 10, 11, 12, 12, 13, 14].map((d) => new Date(Date.UTC(2026, 0, d)));
    for (const [i, readyAt] of times.entries()) {
      const lang = i % 3 === 0 ? "de" : "en";
      const draft = await seedDraft(t.db, { writerId: writer, readyAt, post: { lang } });
      expected.all.push(draft.id);
      if (lang === "en") expected.en.push(draft.id);
    }
    await seedDraft(t.db, { writerId: writer, state: "rejected" });
  });

  const inOrder = async (ids: string[], direction: 1 | -1) => {
    const rows = await t.db.draft.findMany({ where: { id: { in: ids } }, select: { id: true, readyAt: true } });
    return rows
      .sort((a, b) => direction * (a.readyAt!.getTime() - b.readyAt!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
      .map((r) => r.id);
  };

  it("returns every row exactly once across pages, oldest first, with a filter", async () => {
    const rows = await allPages({ writer, lang: "en", limit: 3 });
    expect(rows.map((r) => r.id)).toEqual(await inOrder(expected.en, 1));
    expect(rows.every((r) => r.post.lang === "en" && r.state === "ready")).toBe(true);
  });

  it("does the same newest first", async () => {
    const rows = await allPages({ writer, sort: "newest", limit: 4 });
    expect(rows.map((r) => r.id)).toEqual(await inOrder(expected.all, -1));
  });

  it("pages through drafts that never reached the queue (no ready_at) too", async () => {
    const undated = await seedWriter(t.db);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await seedDraft(t.db, { writerId: undated.id, state: "new", readyAt: null, note: null })).id);
    ids.sort();
    expect((await allPages({ writer: undated.id, state: "new", limit: 2 })).map((r) => r.id)).toEqual(ids);
    expect((await allPages({ writer: undated.id, state: "new", limit: 2, sort: "newest" })).map((r) => r.id)).toEqual([...ids].reverse());
  });

  it("shapes each row as the queue shows it", async () => {
    const [row] = (await listQueue({ ...parseQueueFilters({ writer, limit: "1" }) }, viewer)).rows;
    expect(row).toMatchObject({
      state: "ready",
      version: 1,
      aiDecision: "write_note",
      post: { excerpt: expect.stringContaining("claims something"), truncated: false, lang: "en", mediaType: "none", noteRequestCount: 0 },
      currentRevision: { text: validNote().text, classification: "misinformed_or_potentially_misleading", authorKind: "ai" },
      claim: null,
    });
  });

  it("filters by classification, media, note requests and AI decision", async () => {
    const w = (await seedWriter(t.db)).id;
    const notMisleading = await seedDraft(t.db, { writerId: w, note: validNote({ classification: "not_misleading", misleadingTags: [] }) });
    const video = await seedDraft(t.db, { writerId: w, post: { mediaType: "video", noteRequestCount: 2 }, aiDecision: "not_enough_evidence" });
    const ids = async (f: Record<string, string>) => (await allPages({ ...parseQueueFilters({ writer: w, ...f }) })).map((r) => r.id);

    expect(await ids({ classification: "not_misleading" })).toEqual([notMisleading.id]);
    expect(await ids({ mediaType: "video" })).toEqual([video.id]);
    expect(await ids({ noteRequests: "with" })).toEqual([video.id]);
    expect(await ids({ noteRequests: "without" })).toEqual([notMisleading.id]);
    expect(await ids({ aiDecision: "not_enough_evidence" })).toEqual([video.id]);
  });

  it("filters by claim and shows a lapsed claim as free", async () => {
    const w = (await seedWriter(t.db)).id;
    const mine = await seedDraft(t.db, { writerId: w });
    const theirs = await seedDraft(t.db, { writerId: w });
    const lapsed = await seedDraft(t.db, { writerId: w });
    await claimDraft(mine.id, viewer);
    await claimDraft(theirs.id, other);
    await claimDraft(lapsed.id, other);
    await expireClaim(t.db, lapsed.id);
    const ids = async (claim: string) => (await allPages(parseQueueFilters({ writer: w, claim }))).map((r) => r.id).sort();

    expect(await ids("mine")).toEqual([mine.id]);
    expect(await ids("others")).toEqual([theirs.id]);
    expect(await ids("unclaimed")).toEqual([lapsed.id]);
    const rows = await allPages(parseQueueFilters({ writer: w }));
    expect(rows.find((r) => r.id === theirs.id)?.claim).toMatchObject({ byName: "Other" });
    expect(rows.find((r) => r.id === lapsed.id)?.claim).toBeNull();
  });

  it("starts from the top on a cursor it did not write", async () => {
    const page = await listQueue({ ...parseQueueFilters({ writer, limit: "2" }), cursor: "bm90LWEtY3Vyc29y" }, viewer);
    expect(page.rows).toHaveLength(2);
  });
});

describe("countDraftsByState", () => {
  it("counts every state, zero included, overall and per writer", async () => {
    const w = (await seedWriter(t.db)).id;
    await seedDraft(t.db, { writerId: w });
    await seedDraft(t.db, { writerId: w });
    await seedDraft(t.db, { writerId: w, state: "submitted" });

    const counts = await countDraftsByState(w);
    expect(counts).toMatchObject({ ready: 2, submitted: 1, rejected: 0, needs_reconcile: 0 });
    expect(Object.keys(counts)).toHaveLength(11);
    expect((await countDraftsByState()).ready).toBeGreaterThan(2);
  });
});
