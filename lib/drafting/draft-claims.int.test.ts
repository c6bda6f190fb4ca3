import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { upsertPosts } from "@/lib/ingest/upsert-posts";
import { overturnTriage, triagePost } from "@/lib/triage";
import { seedUser } from "@/tests/support/fixtures/review";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { claimDrafts, hasDraftingWork, prepareDrafts, type DraftingFeed } from "./draft-claims";
import { DRAFTING_STALE_AFTER_MS } from "./drafting-run";
import { makePost } from "./testing/posts";

/** Drafting and triage (docs/triage.md): a post triage put out is not drafted until a reviewer puts it back in. */

let t: TestDatabase;
let reviewer: { id: string; name: string };
let feed: DraftingFeed;
beforeAll(async () => {
  t = await createTestDatabase();
  reviewer = await seedUser(t.db, "Rita", "reviewer");
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.db.$executeRaw`TRUNCATE posts, eligibility, drafts, writers CASCADE`;
  feed = { writerId: (await t.db.writer.create({ data: { name: "w" } })).id, testMode: true };
});

const claim = makePost({ id: "1000000000000000001", text: "Official figures: 4,800 homes stand empty, the council confirmed." });
const opinion = makePost({ id: "1000000000000000002", text: "I think the mayor is the worst and will resign." });
const untriaged = makePost({ id: "1000000000000000003", text: "Post stored before triage existed." });

/** The three posts in the writer's feed, two of them triaged as a sync triages them. */
async function seedFeed() {
  const now = new Date();
  const target = { ...feed, runId: "fixture" };
  await upsertPosts(t.db, [claim, opinion], new Map([claim, opinion].map((p) => [p.id, triagePost(p, now)])), { feed: target });
  await upsertPosts(t.db, [untriaged], undefined, { feed: target });
}
const draftedPosts = async () => (await t.db.draft.findMany({ where: { writerId: feed.writerId }, select: { postId: true } })).map((d) => d.postId).sort();

describe("drafting and triage", () => {
  it("makes and claims drafts for posts triaged in or not yet triaged, never for one triaged out", async () => {
    await seedFeed();
    expect(await hasDraftingWork(t.db, feed)).toBe(true);
    expect(await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS)).toEqual({ recovered: 0, created: 2, waiting: 2 });
    expect(await draftedPosts()).toEqual([claim.id, untriaged.id]);
    expect((await claimDrafts(t.db, feed, 10)).map((c) => c.postId).sort()).toEqual([claim.id, untriaged.id]);
    expect(await hasDraftingWork(t.db, feed)).toBe(false);
    expect(await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS)).toEqual({ recovered: 0, created: 0, waiting: 0 });
  });

  it("drafts a post a reviewer puts back in on its next run", async () => {
    await seedFeed();
    await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS);
    await claimDrafts(t.db, feed, 10);
    await overturnTriage({ postId: opinion.id, verdict: "in", reason: "The resignation letter is public." }, reviewer);

    expect(await hasDraftingWork(t.db, feed)).toBe(true);
    expect(await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS)).toEqual({ recovered: 0, created: 1, waiting: 1 });
    expect((await claimDrafts(t.db, feed, 10)).map((c) => c.postId)).toEqual([opinion.id]);
  });

  it("leaves a waiting draft unclaimed while its post is triaged out, and claims it once put back in", async () => {
    await seedFeed();
    await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS);
    await overturnTriage({ postId: claim.id, verdict: "out", reason: "The council corrected it already." }, reviewer);

    expect(await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS)).toEqual({ recovered: 0, created: 0, waiting: 1 });
    expect((await claimDrafts(t.db, feed, 10)).map((c) => c.postId)).toEqual([untriaged.id]);
    expect(await hasDraftingWork(t.db, feed)).toBe(false);

    await overturnTriage({ postId: claim.id, verdict: "in", reason: "A new figure came out." }, reviewer);
    expect((await claimDrafts(t.db, feed, 10)).map((c) => c.postId)).toEqual([claim.id]);
  });
});
