import { describe, expect, it } from "vitest";

import { auditActions, draftRow, expireClaim, reviewTestbed, seedDraft, seedUser, seedWriter } from "@/tests/support/fixtures/review";

import { claimDraft, claimNext, releaseClaim, renewClaim } from "./claims";
import { defaultQueueFilters } from "./queue-filters";

const { t, writerId, alice, bob } = await reviewTestbed();

describe("claimDraft", () => {
  it("takes a free draft for ten minutes and audits it", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const result = await claimDraft(draft.id, alice);

    expect(result).toMatchObject({ claimed: true, draftId: draft.id, version: draft.version, claim: { byId: alice.id, byName: "Alice" } });
    if (!result.claimed) throw new Error("unreachable");
    expect(result.claim.until.getTime() - result.claim.since.getTime()).toBe(10 * 60_000);
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.claim"]);
  });

  it("tells the second reviewer who holds it and since when, and leaves the claim alone", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await claimDraft(draft.id, alice);
    const result = await claimDraft(draft.id, bob);

    expect(result).toMatchObject({ claimed: false, heldBy: { byId: alice.id, byName: "Alice" }, message: "Claimed by Alice · just now" });
    expect((await draftRow(t.db, draft.id)).claimedById).toBe(alice.id);
  });

  it("re-claiming your own draft extends it without a new audit row or a new start time", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const first = await claimDraft(draft.id, alice);
    const again = await claimDraft(draft.id, alice);
    if (!first.claimed || !again.claimed) throw new Error("both should hold");
    expect(again.claim.since).toEqual(first.claim.since);
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.claim"]);
  });

  it("lets anyone take a lapsed lease, with no sweeper", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await claimDraft(draft.id, alice);
    await expireClaim(t.db, draft.id);

    expect(await claimDraft(draft.id, bob)).toMatchObject({ claimed: true, claim: { byName: "Bob" } });
    expect(await renewClaim(draft.id, alice)).toMatchObject({ claimed: false, heldBy: { byName: "Bob" } });
  });

  it("gives exactly one of many simultaneous claimers the draft", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const reviewers = await Promise.all(Array.from({ length: 12 }, (_, i) => seedUser(t.db, `Racer ${i}`)));
    const results = await Promise.all(reviewers.map((r) => claimDraft(draft.id, r)));

    const winners = results.filter((r) => r.claimed);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    if (!winner.claimed) throw new Error("unreachable");
    expect((await draftRow(t.db, draft.id)).claimedById).toBe(winner.claim.byId);
    for (const loser of results.filter((r) => !r.claimed)) expect(loser).toMatchObject({ heldBy: { byId: winner.claim.byId } });
  });

  it("refuses drafts outside the queue and drafts that don't exist", async () => {
    const rejected = await seedDraft(t.db, { writerId, state: "rejected" });
    await expect(claimDraft(rejected.id, alice)).rejects.toMatchObject({ code: "invalid_state", message: expect.stringContaining("rejected") });
    await expect(claimDraft("missing", alice)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("renewClaim and releaseClaim", () => {
  it("renews only the holder's claim; a released one must be claimed again", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await claimDraft(draft.id, alice);
    expect(await renewClaim(draft.id, alice)).toMatchObject({ claimed: true });
    expect(await renewClaim(draft.id, bob)).toMatchObject({ claimed: false, heldBy: { byName: "Alice" } });

    expect(await releaseClaim(draft.id, bob)).toEqual({ released: false });
    expect(await releaseClaim(draft.id, alice)).toEqual({ released: true });
    expect((await draftRow(t.db, draft.id)).claimedById).toBeNull();
    await expect(renewClaim(draft.id, alice)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("released") });
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.claim", "draft.release"]);
  });

  it("a lapsed lease nobody took can still be renewed by its holder", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await claimDraft(draft.id, alice);
    await expireClaim(t.db, draft.id);
    expect(await renewClaim(draft.id, alice)).toMatchObject({ claimed: true });
  });
});

describe("claimNext", () => {
  it("takes the oldest free draft matching the filters", async () => {
    const writer = (await seedWriter(t.db)).id;
    const oldest = await seedDraft(t.db, { writerId: writer, readyAt: new Date("2026-01-01T00:00:00Z") });
    const held = await seedDraft(t.db, { writerId: writer, readyAt: new Date("2025-12-31T00:00:00Z"), claimedById: bob.id });
    await seedDraft(t.db, { writerId: writer, readyAt: new Date("2025-12-30T00:00:00Z"), post: { lang: "de" } });
    await seedDraft(t.db, { writerId: writer, readyAt: new Date("2026-01-02T00:00:00Z") });

    const result = await claimNext(alice, { ...defaultQueueFilters(), writer, lang: "en", sort: "oldest" });
    expect(result).toMatchObject({ claimed: true, draftId: oldest.id });
    expect((await draftRow(t.db, held.id)).claimedById).toBe(bob.id);
    expect(await auditActions(t.db, oldest.id)).toEqual(["draft.claim_next"]);
  });

  it("returns null when nothing free is left", async () => {
    const writer = (await seedWriter(t.db)).id;
    await seedDraft(t.db, { writerId: writer, claimedById: bob.id });
    expect(await claimNext(alice, { ...defaultQueueFilters(), writer })).toBeNull();
  });

  it("never hands one draft to two of 20 reviewers pulling from 100 at once", async () => {
    const writer = (await seedWriter(t.db)).id;
    const drafts = [];
    for (let i = 0; i < 100; i++) drafts.push(await seedDraft(t.db, { writerId: writer }));
    const reviewers = await Promise.all(Array.from({ length: 20 }, (_, i) => seedUser(t.db, `Puller ${i}`)));
    const filters = { ...defaultQueueFilters(), writer };

    const pulled: { reviewer: string; draftId: string }[] = [];
    await Promise.all(
      reviewers.map(async (reviewer) => {
        for (;;) {
          const result = await claimNext(reviewer, filters);
          if (!result) return;
          pulled.push({ reviewer: reviewer.id, draftId: result.draftId });
        }
      }),
    );

    const ids = pulled.map((p) => p.draftId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(drafts.map((d) => d.id).sort());
    const holders = await t.db.draft.findMany({ where: { writerId: writer }, select: { id: true, claimedById: true } });
    const byDraft = new Map(pulled.map((p) => [p.draftId, p.reviewer]));
    for (const row of holders) expect(row.claimedById).toBe(byDraft.get(row.id));
  });
});
