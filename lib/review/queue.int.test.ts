import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/lib/db";
import { makePost } from "@/lib/drafting/testing/posts";
import { upsertPosts } from "@/lib/ingest/upsert-posts";
import { overturnTriage, triagePost } from "@/lib/triage";
import { expireClaim, seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { claimDraft, claimNext } from "./claims";
import { skipDraft } from "./decisions";
import type { QueueRowDto } from "./dto";
import { countQueue, listQueue, listTriagedOut, queueNeighbors } from "./queue";
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
    const rows = await allPages({ writer, lang: "en", limit: 3, sort: "oldest" });
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
    expect((await allPages({ writer: undated.id, state: "new", limit: 2, sort: "oldest" })).map((r) => r.id)).toEqual(ids);
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
      triage: null,
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

describe("countQueue", () => {
  it("counts every state, zero included, overall and per writer", async () => {
    const w = (await seedWriter(t.db)).id;
    await seedDraft(t.db, { writerId: w });
    await seedDraft(t.db, { writerId: w });
    await seedDraft(t.db, { writerId: w, state: "submitted" });

    const { states } = await countQueue(w);
    expect(states).toMatchObject({ ready: 2, submitted: 1, rejected: 0, needs_reconcile: 0 });
    expect(Object.keys(states)).toHaveLength(11);
    expect((await countQueue()).states.ready).toBeGreaterThan(2);
  });
});

/** Gives a seeded draft's post a triage as a sync stores it; its drafts take the priority key by trigger. */
async function triage(postId: string, key: number, verdict: "in" | "out" = "in") {
  await t.db.$executeRaw`
    UPDATE posts SET checkability = 0.8, triage_verdict = ${verdict}, machine_verdict = ${verdict}, priority_key = ${key}, triaged_at = now()
     WHERE id = ${postId}`;
}

describe("the queue in triage priority order (the default)", () => {
  let writer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    writer = (await seedWriter(t.db)).id;
    // Keys ranked C > A = B (two drafts of one post: same key, the id breaks the tie) > D; U not triaged.
    const shared = await seedDraft(t.db, { writerId: writer });
    ids.A = shared.id;
    ids.B = (await seedDraft(t.db, { writerId: writer, postId: shared.postId, testMode: false })).id;
    for (const name of ["C", "D", "U"]) ids[name] = (await seedDraft(t.db, { writerId: writer })).id;
    const postOf = async (id: string) => (await t.db.draft.findUniqueOrThrow({ where: { id } })).postId;
    await triage(shared.postId, 28_001.5);
    await triage(await postOf(ids.C!), 28_010);
    await triage(await postOf(ids.D!), 27_990.25);
  });

  const expected = () => {
    const [first, second] = [ids.A!, ids.B!].sort().reverse();
    return [ids.U, ids.C, first, second, ids.D];
  };

  it("puts untriaged drafts first, then the highest priority key, page by page with ties broken by id", async () => {
    expect((await allPages({ writer, limit: 2 })).map((r) => r.id)).toEqual(expected());
    expect((await allPages({ writer, limit: 1 })).map((r) => r.id)).toEqual(expected());
    const [row] = (await listQueue(parseQueueFilters({ writer, limit: "5" }), viewer)).rows.filter((r) => r.id === ids.C);
    expect(row?.triage).toEqual({ verdict: "in", checkability: 0.8, overturned: false, priorityKey: 28_010 });
  });

  it("reads each page from the (state, priority_key, id) indexes, without sorting", async () => {
    const { queueConditions, queueFrom, queueSegments } = await import("./queue-sql");
    for (const filters of [parseQueueFilters({}), parseQueueFilters({ writer })]) {
      for (const segment of queueSegments("priority")) {
        const plan = await t.db.$transaction(async (tx) => {
          // A handful of rows would be read by a scan and a sort anyway: what matters is that the index can serve the order.
          await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
          await tx.$executeRaw`SET LOCAL enable_sort = off`;
          return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN SELECT d.id FROM ${queueFrom}
            WHERE ${Prisma.join([...queueConditions(filters, viewer.id), segment.where(null)], " AND ")} ORDER BY ${segment.order} LIMIT 26`);
        });
        const text = plan.map((p) => p["QUERY PLAN"]).join("\n");
        // Drafts of untriaged posts are in id order in more than one index; the triaged ones only in this one.
        if (segment.hasValue) expect(text).toMatch(filters.writer ? /drafts_writer_id_state_priority_key_id_idx/ : /drafts_state_priority_key_id_idx/);
        expect(text).not.toMatch(/Sort/);
      }
    }
  });

  it("leaves out drafts of posts triaged out while they wait, not once decided", async () => {
    const w = (await seedWriter(t.db)).id;
    const waiting = await seedDraft(t.db, { writerId: w });
    const decided = await seedDraft(t.db, { writerId: w, state: "submitted" });
    await triage(waiting.postId, 28_000, "out");
    await triage(decided.postId, 28_000, "out");
    expect(await allPages({ writer: w })).toEqual([]);
    expect((await allPages({ writer: w, state: "submitted" })).map((r) => r.id)).toEqual([decided.id]);
  });

  it("gives each draft's neighbours in the same order and filters", async () => {
    const [, , first, second] = expected();
    const filters = parseQueueFilters({ writer });
    expect(await queueNeighbors({ id: ids.C! }, filters, viewer)).toEqual({ previous: ids.U, next: first });
    expect(await queueNeighbors({ id: second! }, filters, viewer)).toEqual({ previous: first, next: ids.D });
    expect(await queueNeighbors({ id: ids.U! }, filters, viewer)).toEqual({ previous: null, next: ids.C });
    expect(await queueNeighbors({ id: ids.D! }, { ...filters, sort: "oldest" }, viewer)).toEqual({ previous: ids.C, next: ids.U });
  });
});

describe("claimNext and skip follow the list's order, in every sort", () => {
  const claimed = async (filters: Partial<QueueFilters>, after?: string) => (await claimNext(viewer, { ...parseQueueFilters({}), ...filters }, after))?.draftId;

  it("by priority: after a skip, the next in order, and the skipped one only once the list comes round again", async () => {
    const writer = (await seedWriter(t.db)).id;
    const [u, a, b, c] = [await seedDraft(t.db, { writerId: writer }), ...(await Promise.all([1, 2, 3].map(() => seedDraft(t.db, { writerId: writer }))))];
    await triage(a!.postId, 30);
    await triage(b!.postId, 20);
    await triage(c!.postId, 10);

    expect(await claimed({ writer })).toBe(u!.id);
    expect(await claimed({ writer }, u!.id)).toBe(a!.id);
    await skipDraft(a!.id, a!.version, viewer);
    expect(await claimed({ writer }, a!.id)).toBe(b!.id);
    expect(await claimed({ writer }, b!.id)).toBe(c!.id);
    expect(await claimed({ writer }, c!.id)).toBe(a!.id);
    expect(await claimed({ writer }, a!.id)).toBeUndefined();
  });

  it("newest first: a skipped draft, newest again, is not handed straight back", async () => {
    const writer = (await seedWriter(t.db)).id;
    const older = await seedDraft(t.db, { writerId: writer, readyAt: new Date("2026-01-01T00:00:00Z") });
    const newer = await seedDraft(t.db, { writerId: writer, readyAt: new Date("2026-01-02T00:00:00Z") });
    expect(await claimed({ writer, sort: "newest" })).toBe(newer.id);
    await skipDraft(newer.id, newer.version, viewer);
    expect(await claimed({ writer, sort: "newest" }, newer.id)).toBe(older.id);
  });

  it("oldest first: a skipped draft goes to the back, and the next oldest comes", async () => {
    const writer = (await seedWriter(t.db)).id;
    const oldest = await seedDraft(t.db, { writerId: writer, readyAt: new Date("2026-01-01T00:00:00Z") });
    const next = await seedDraft(t.db, { writerId: writer, readyAt: new Date("2026-01-02T00:00:00Z") });
    expect(await claimed({ writer, sort: "oldest" })).toBe(oldest.id);
    await skipDraft(oldest.id, oldest.version, viewer);
    expect(await claimed({ writer, sort: "oldest" }, oldest.id)).toBe(next.id);
    expect(await claimed({ writer, sort: "oldest" }, next.id)).toBe(oldest.id);
  });
});

describe("the triaged-out list", () => {
  const seed = async (id: string, text: string, postedAt: string) => {
    const post = makePost({ id, text, postedAt });
    await upsertPosts(t.db, [post], new Map([[id, triagePost(post, new Date())]]));
    return id;
  };

  it("lists triaged-out posts by priority with their reasons, page by page, and drops one put back in", async () => {
    await t.db.$executeRaw`UPDATE posts SET triage_verdict = 'in' WHERE triage_verdict = 'out'`;
    // Alike but for their age: the freshest is the most urgent.
    const stale = await seed("1950000000000000001", "I think the mayor is the worst.", "2026-01-01T08:00:00.000Z");
    const fresh = await seed("1950000000000000002", "I think the bridge is the worst.", "2026-01-03T08:00:00.000Z");
    const middle = await seed("1950000000000000003", "I think the league is the worst.", "2026-01-02T08:00:00.000Z");
    await seed("1950000000000000004", "Official figures: 4,800 homes stand empty, the council confirmed.", "2026-01-02T08:00:00.000Z");

    const ids = async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await listTriagedOut({ cursor, limit: 2 });
        seen.push(...page.rows.map((r) => r.post.id));
        if (!page.nextCursor) return seen;
        cursor = page.nextCursor;
      }
      throw new Error("pagination did not end");
    };
    expect(await ids()).toEqual([fresh, middle, stale]);
    const [first] = (await listTriagedOut({ limit: 1 })).rows;
    expect(first).toMatchObject({ post: { id: fresh, excerpt: "I think the bridge is the worst." }, triage: { verdict: "out", reasons: [{ signal: "opinion", label: "opinion words: 'i think', 'the worst'" }] } });

    await overturnTriage({ postId: middle, verdict: "in", reason: "The league filed for insolvency today." }, viewer);
    expect(await ids()).toEqual([fresh, stale]);
  });
});
