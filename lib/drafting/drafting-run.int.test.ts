import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { claimDrafts, prepareDrafts, type DraftingFeed } from "./draft-claims";
import { saveDraftResults } from "./draft-outcome-store";
import { DRAFTING_STALE_AFTER_MS, runDrafting } from "./drafting-run";
import type { DraftingTask } from "./provider";
import { loadPostsForDrafting, toNormalizedPost } from "./stored-post";
import { numberedPosts, seedFeed } from "./testing/feed-fixture";
import { abstainReply, keyedProvider, noteReply } from "./testing/keyed-provider";
import { arbitraryPost } from "./testing/posts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** Each test drafts its own writer's feed in the shared database. */
let writers = 0;
async function freshFeed(count: number, textOf?: (i: number) => string): Promise<{ feed: DraftingFeed; postIds: string[] }> {
  writers += 1;
  const posts = numberedPosts(count, (i) => `${textOf?.(i) ?? "NOTE"} (writer ${writers}, post ${i})`).map((p) => ({
    ...p,
    id: String(BigInt(p.id) + BigInt(writers * 10_000)),
  }));
  const feed = await seedFeed(t.db, posts, `writer ${writers}`);
  return { feed, postIds: posts.map((p) => p.id) };
}

const byMarker = (task: DraftingTask) => {
  const text = task.post.text;
  if (text.startsWith("NOTE")) return noteReply();
  if (text.startsWith("ABSTAIN")) return abstainReply();
  if (text.startsWith("MALFORMED")) return "Sure! Here is my answer: {not json";
  return new Error("connection reset by provider");
};

describe("runDrafting", () => {
  it("stores each kind of outcome on its draft, with a revision, provenance and audit", async () => {
    const markers = ["NOTE", "ABSTAIN", "MALFORMED", "THROW"];
    const { feed, postIds } = await freshFeed(4, (i) => markers[i] ?? "");
    const [noteId, abstainId, malformedId, throwId] = postIds;
    const provider = keyedProvider(byMarker);

    const result = await runDrafting(t.db, provider, { feed, concurrency: 2 });

    expect(result.state).toBe("succeeded");
    expect(result.counts).toEqual({ created: 4, recovered: 0, drafted: 1, abstained: 1, failed: 2 });
    const drafts = await t.db.draft.findMany({ where: { writerId: feed.writerId }, include: { currentRevision: true } });
    const draftOf = (postId: string | undefined) => drafts.find((d) => d.postId === postId)!;

    const noted = draftOf(noteId);
    expect(noted).toMatchObject({ state: "ready", aiDecision: "write_note", version: 3 });
    expect(noted.readyAt).not.toBeNull();
    expect(noted.currentRevision).toMatchObject({
      number: 1,
      authorKind: "ai",
      provider: "openai-compatible",
      model: "keyed-test-model",
      inputTokens: 120,
      outputTokens: 40,
      classification: "misinformed_or_potentially_misleading",
      misleadingTags: ["outdated_information"],
      injectionSuspected: false,
      rationale: "The image predates the event it claims to show.",
    });
    expect(noted.currentRevision?.promptVersion).toBeTruthy();
    expect(noted.currentRevision?.checks).toMatchObject({ ok: true, duplicate: null });

    expect(draftOf(abstainId)).toMatchObject({ state: "no_note", aiDecision: "no_note_needed", aiRationale: "This is a personal opinion.", currentRevisionId: null });
    expect(draftOf(malformedId)).toMatchObject({ state: "failed", rawOutput: "Sure! Here is my answer: {not json" });
    expect(draftOf(malformedId).failureReason).toMatch(/No usable answer after 3 attempts/);
    expect(draftOf(throwId)).toMatchObject({ state: "failed", rawOutput: null });
    expect(draftOf(throwId).failureReason).toMatch(/connection reset by provider/);

    const audit = await t.db.auditEvent.findMany({ where: { subjectId: noted.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["draft.create", "draft.start_drafting", "draft.draft"]);
    expect(audit.every((e) => e.actorId === null)).toBe(true);

    const run = await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: "draft", state: "succeeded", progress: 4, total: 4 });
    expect(run.counts).toMatchObject({ drafted: 1, abstained: 1, failed: 2 });
    expect((run.errors as { message: string }[]).map((e) => e.message).join("\n")).toMatch(/connection reset/);
  });

  it("flags a draft that repeats a note already written on the post", async () => {
    const { feed, postIds } = await freshFeed(1);
    const text = "The photo is from 2019, not today: https://www.reuters.com/fact-check/flood-photo-2019";
    await t.db.writtenNote.create({
      data: {
        id: "note-on-first-post",
        writerId: feed.writerId,
        postId: postIds[0]!,
        testMode: true,
        text,
        classification: "misinformed_or_potentially_misleading",
        misleadingTags: ["outdated_information"],
        trustworthySources: true,
      },
    });

    await runDrafting(t.db, keyedProvider(() => noteReply(text)), { feed, concurrency: 1 });

    const revision = await t.db.revision.findFirstOrThrow({ where: { draft: { writerId: feed.writerId } } });
    expect(revision.checks).toMatchObject({ duplicate: { index: 0, similarity: 1 } });
  });

  it("never drafts a post twice when two runs drain the same feed at once", async () => {
    const { feed, postIds } = await freshFeed(40);
    const provider = keyedProvider(() => noteReply(), { latencyMs: 20 });

    const [first, second] = await Promise.all([
      runDrafting(t.db, provider, { feed, concurrency: 4, batchSize: 3 }),
      runDrafting(t.db, provider, { feed, concurrency: 4, batchSize: 3 }),
    ]);

    expect(postIds.map((id) => provider.callsFor(id))).toEqual(postIds.map(() => 1));
    expect(first.counts.drafted + second.counts.drafted).toBe(40);
    expect(Math.min(first.counts.drafted, second.counts.drafted)).toBeGreaterThan(0); // they really overlapped
    expect(await t.db.revision.count({ where: { draft: { writerId: feed.writerId } } })).toBe(40);
    expect(await t.db.draft.count({ where: { writerId: feed.writerId, state: "ready" } })).toBe(40);
  });

  it("makes the drafts beyond its first two batches while drafting those, and drafts every post once", async () => {
    const { feed, postIds } = await freshFeed(11);
    const provider = keyedProvider(() => noteReply(), { latencyMs: 5 });

    const result = await runDrafting(t.db, provider, { feed, concurrency: 2 });

    expect(result.counts).toMatchObject({ created: 11, drafted: 11 });
    expect(postIds.map((id) => provider.callsFor(id))).toEqual(postIds.map(() => 1));
    expect(await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({ total: 11, progress: 11 });
    expect(await t.db.auditEvent.count({ where: { action: "draft.create", subjectId: { in: (await t.db.draft.findMany({ where: { writerId: feed.writerId } })).map((d) => d.id) } } })).toBe(11);
  });

  it("keeps at most `concurrency` model calls in flight", async () => {
    const { feed } = await freshFeed(12);
    const provider = keyedProvider(() => noteReply(), { latencyMs: 15 });

    await runDrafting(t.db, provider, { feed, concurrency: 3 });

    expect(provider.maxInFlight).toBe(3);
    expect(provider.calls).toBe(12);
  });

  it("takes back drafts a dead run left in drafting, drafts them once, and drops the dead run's late answer", async () => {
    const { feed, postIds } = await freshFeed(3);
    await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS);
    const [abandoned, stillBusy] = await claimDrafts(t.db, feed, 2);
    await t.db.$executeRaw`UPDATE drafts SET updated_at = updated_at - interval '1 hour' WHERE id = ${abandoned!.id}`;
    const provider = keyedProvider(() => noteReply());

    const result = await runDrafting(t.db, provider, { feed, concurrency: 2, staleAfterMs: 10 * 60_000 });

    expect(result.counts).toMatchObject({ recovered: 1, drafted: 2 });
    // Waiting at the start: the recovered draft and the one never claimed, counted in the same statement that recovered it.
    expect(await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({ total: 2, progress: 2 });
    expect(provider.callsFor(abandoned!.postId)).toBe(1);
    expect(provider.callsFor(stillBusy!.postId)).toBe(0); // a live claim is left alone
    expect(await t.db.draft.findUniqueOrThrow({ where: { id: stillBusy!.id } })).toMatchObject({ state: "drafting" });
    expect(postIds).toContain(abandoned!.postId);

    const late = await saveDraftResults(t.db, [{ claim: abandoned!, result: { kind: "crashed", reason: "the dead run woke up" } }]);
    expect(late.size).toBe(0);
    expect(await t.db.draft.findUniqueOrThrow({ where: { id: abandoned!.id } })).toMatchObject({ state: "ready" });
    expect(await t.db.revision.count({ where: { draftId: abandoned!.id } })).toBe(1);
  });

  it("stops claiming when told to stop, and hands back what it had not started", async () => {
    const { feed } = await freshFeed(10);
    const stop = new AbortController();
    const provider = keyedProvider(
      () => {
        stop.abort();
        return noteReply();
      },
      { latencyMs: 10 },
    );

    const result = await runDrafting(t.db, provider, { feed, concurrency: 1, batchSize: 5, signal: stop.signal });

    expect(result.state).toBe("cancelled");
    expect(result.counts.drafted).toBe(1);
    const states = await t.db.draft.groupBy({ by: ["state"], where: { writerId: feed.writerId }, _count: true });
    expect(Object.fromEntries(states.map((s) => [s.state, s._count]))).toEqual({ ready: 1, new: 9 });
    expect(await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({ state: "cancelled" });
  });
});

describe("claiming drafts", () => {
  it("reads each claimed post and the notes on it exactly as the posts' own rows read", async () => {
    writers += 1;
    const posts = fc.sample(arbitraryPost, { numRuns: 30, seed: 4 }).map((post, i) => ({ ...post, id: String(1_960_000_000_000_000_000n + BigInt(i)) }));
    const feed = await seedFeed(t.db, posts, `writer ${writers}`);
    const noteOn = (postId: string, i: number) => ({
      id: `written-${postId}-${i}`,
      writerId: feed.writerId,
      postId,
      testMode: true,
      text: `Note ${i} on ${postId}: https://www.reuters.com/fact-check/${i}`,
      classification: "misinformed_or_potentially_misleading",
      trustworthySources: true,
    });
    await t.db.writtenNote.createMany({ data: [noteOn(posts[0]!.id, 1), noteOn(posts[0]!.id, 2), noteOn(posts[1]!.id, 1)] });
    await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS);

    const claims = await claimDrafts(t.db, feed, posts.length);

    const stored = await loadPostsForDrafting(t.db, claims.map((c) => c.postId));
    expect(claims).toHaveLength(posts.length);
    for (const claim of claims) {
      const expected = stored.get(claim.postId)!;
      expect(toNormalizedPost(claim.post!)).toEqual(expected.post);
      expect([...claim.existingNoteTexts].sort()).toEqual([...expected.existingNoteTexts].sort());
    }
    expect(claims.find((c) => c.postId === posts[0]!.id)?.existingNoteTexts).toHaveLength(2);
  });
});

describe("regenerating a draft", () => {
  it("drafts it again as the next revision, with the replaced one as its parent and the history kept", async () => {
    const { regenerateDraft } = await import("@/lib/review/decisions");
    const { seedUser } = await import("@/tests/support/fixtures/review");
    const { feed, postIds } = await freshFeed(1);
    const provider = keyedProvider(byMarker);
    await runDrafting(t.db, provider, { feed, concurrency: 1 });
    const first = await t.db.draft.findFirstOrThrow({ where: { postId: postIds[0], writerId: feed.writerId }, select: { id: true, version: true, currentRevisionId: true } });

    const reviewer = await seedUser(t.db, "Rita", "reviewer");
    const moved = await regenerateDraft(first.id, first.version, reviewer);
    expect(moved).toMatchObject({ state: "new", writerId: feed.writerId });
    await expect(regenerateDraft(first.id, first.version, reviewer)).rejects.toMatchObject({ code: "invalid_state" });

    const again = await runDrafting(t.db, provider, { feed, concurrency: 1 });
    expect(again.counts).toMatchObject({ drafted: 1 });
    const revisions = await t.db.revision.findMany({ where: { draftId: first.id }, orderBy: { number: "asc" }, select: { id: true, number: true, parentId: true } });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(revisions[1]?.parentId).toBe(first.currentRevisionId);
    const after = await t.db.draft.findUniqueOrThrow({ where: { id: first.id }, select: { state: true, currentRevisionId: true } });
    expect(after).toEqual({ state: "ready", currentRevisionId: revisions[1]?.id });
  });
});
