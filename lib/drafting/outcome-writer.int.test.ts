import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { claimDrafts, prepareDrafts, type ClaimedDraft } from "./draft-claims";
import { saveDraftResults, type DraftResult } from "./draft-outcome-store";
import { draftPost } from "./draft-post";
import { DRAFTING_STALE_AFTER_MS } from "./drafting-run";
import { createOutcomeWriter } from "./outcome-writer";
import { numberedPosts, seedFeed } from "./testing/feed-fixture";
import { abstainReply, keyedProvider, noteReply } from "./testing/keyed-provider";

/** Outcomes stored together (docs/drafting.md, Drafting run): the same rows as one at a time, and one refused outcome fails alone. */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

let writers = 0;
/** `count` drafts of a fresh writer's feed, claimed as a run claims them. */
async function claimedDrafts(count: number): Promise<ClaimedDraft[]> {
  writers += 1;
  const posts = numberedPosts(count).map((p) => ({ ...p, id: String(BigInt(p.id) + BigInt(writers * 10_000)) }));
  const feed = await seedFeed(t.db, posts, `writer ${writers}`);
  await prepareDrafts(t.db, feed, DRAFTING_STALE_AFTER_MS);
  return claimDrafts(t.db, feed, count);
}

/** One outcome of each kind, as the drafting run gets them. */
async function eachKind(): Promise<DraftResult[]> {
  const [post] = numberedPosts(1);
  return [
    await draftPost(post!, keyedProvider(() => noteReply())),
    await draftPost(post!, keyedProvider(() => abstainReply())),
    await draftPost(post!, keyedProvider(() => "Sure! Here is my answer: {not json")),
    { kind: "crashed", reason: "Drafting broke: out of memory" },
  ];
}

/** What was stored for each claimed draft, without the ids and clocks that differ between two saves. */
async function stored(claims: readonly ClaimedDraft[]) {
  return Promise.all(
    claims.map(async (claim) => {
      const { readyAt, currentRevisionId, ...draft } = await t.db.draft.findUniqueOrThrow({
        where: { id: claim.id },
        select: { state: true, version: true, aiDecision: true, aiRationale: true, failureReason: true, rawOutput: true, readyAt: true, currentRevisionId: true },
      });
      const revisions = await t.db.revision.findMany({
        where: { draftId: claim.id },
        select: {
          id: true,
          number: true,
          parentId: true,
          authorKind: true,
          text: true,
          classification: true,
          misleadingTags: true,
          trustworthySources: true,
          provider: true,
          model: true,
          promptVersion: true,
          latencyMs: true,
          inputTokens: true,
          outputTokens: true,
          rationale: true,
          checks: true,
          injectionSuspected: true,
          variantId: true,
        },
      });
      const audit = await t.db.auditEvent.findMany({ where: { subjectId: claim.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
      return {
        draft: { ...draft, ready: readyAt !== null, hasRevision: currentRevisionId !== null },
        revisions: revisions.map(({ id, ...revision }) => ({ ...revision, current: id === currentRevisionId })),
        audit: audit.map((e) => ({ ...e, after: { ...(e.after as object), revisionId: null } })),
      };
    }),
  );
}

describe("storing drafting outcomes", () => {
  it("stores outcomes saved together exactly as it stores each alone, and skips a claim that is no longer the run's", async () => {
    const results = await eachKind();
    const alone = await claimedDrafts(results.length);
    const together = await claimedDrafts(results.length + 1);
    for (const [i, claim] of alone.entries()) {
      expect(await saveDraftResults(t.db, [{ claim, result: results[i]! }])).toEqual(new Set([claim.id]));
    }
    const stale = { ...together.at(-1)!, version: together.at(-1)!.version - 1 };

    const saved = await saveDraftResults(t.db, [...together.slice(0, -1).map((claim, i) => ({ claim, result: results[i]! })), { claim: stale, result: results[0]! }]);

    expect(saved).toEqual(new Set(together.slice(0, -1).map((c) => c.id)));
    expect(await stored(together.slice(0, -1))).toEqual(await stored(alone));
    expect((await stored(alone)).map((s) => s.draft.state)).toEqual(["ready", "no_note", "failed", "failed"]);
    expect(await t.db.draft.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ state: "drafting", version: stale.version + 1 });
  });

  it("fails only the outcome the database refuses when several are written together", async () => {
    const [first, refused, third] = await claimedDrafts(3);
    const [note] = await eachKind();
    if (note?.kind !== "note") throw new Error("expected a note");
    // PostgreSQL text cannot hold a NUL character: the whole statement is refused.
    const unstorable: DraftResult = { ...note, note: { ...note.note, text: "Nul \u0000 inside https://www.reuters.com" } };
    const writer = createOutcomeWriter(t.db, null);

    // The first goes out alone at once; the other two wait for it and go together.
    const results = await Promise.allSettled([writer.save(first!, note), writer.save(refused!, unstorable), writer.save(third!, note)]);

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => r.value)).toEqual([true, true]);
    const states = await t.db.draft.findMany({ where: { id: { in: [first!.id, refused!.id, third!.id] } }, select: { id: true, state: true } });
    expect(Object.fromEntries(states.map((d) => [d.id, d.state]))).toEqual({ [first!.id]: "ready", [refused!.id]: "drafting", [third!.id]: "ready" });
  });
});
