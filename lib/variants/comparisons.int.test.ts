import { describe, expect, it } from "vitest";

import { seedUser } from "@/tests/support/fixtures/review";

import { chooseInComparison, nextBlindPair, type BlindPair } from "./comparisons";
import { draftAsLiveVariant } from "./live-drafting";
import { runShadowDrafting } from "./shadow-run";
import { listVariantStandings } from "./standings";
import { liveVariant } from "./store";
import { freshFeed, testModels, variantTestbed, writesNote } from "./testing/variant-fixture";
import { createVariant, setVariantStatus } from "./variant-admin";

const { t, admin } = await variantTestbed();

/** A writer whose `count` posts were drafted by its live variant ("LIVE …") and a shadow one ("SHADOW …"). */
async function comparedFeed(count: number) {
  const feed = await freshFeed(t.db, count);
  const models = testModels(writesNote("LIVE"));
  models.add("shadow-model", writesNote("SHADOW"));
  const shadow = await createVariant({ writerId: feed.writerId, name: "Secret shadow name", promptVersion: "draft-v2", provider: "openai-compatible", model: "shadow-model", temperature: 0.5 }, admin);
  await draftAsLiveVariant(t.db, models, { feed, triggeredById: null });
  await runShadowDrafting(t.db, models, { feed });
  const live = await liveVariant(t.db, feed.writerId);
  return { feed, live, shadow };
}

/** The reviewer's first pair on one of `postIds`; pairs of other tests' posts on the way are judged "about the same". */
async function pairOn(reviewer: { id: string; name: string }, postIds: string[]): Promise<BlindPair> {
  for (let pair = await nextBlindPair(reviewer); pair; pair = await nextBlindPair(reviewer)) {
    if (postIds.includes(pair.post.id)) return pair;
    await chooseInComparison({ comparisonId: pair.comparisonId, choice: "tie" }, reviewer);
  }
  throw new Error("no pair on these posts");
}

/** Judges every pair the reviewer is offered, choosing with `pick`; returns the pairs and what was revealed. */
async function judgeAll(reviewer: { id: string; name: string }, pick: (pair: BlindPair) => "a" | "b" | "tie") {
  const judged = [];
  for (let pair = await nextBlindPair(reviewer); pair; pair = await nextBlindPair(reviewer)) {
    const choice = pick(pair);
    judged.push({ pair, choice, reveal: await chooseInComparison({ comparisonId: pair.comparisonId, choice }, reviewer) });
  }
  return judged;
}

describe("blind comparison", () => {
  it("shows two notes and the post, and nothing that tells which variant wrote which", async () => {
    const { feed, live, shadow } = await comparedFeed(1);
    const reviewer = await seedUser(t.db, "Rita", "reviewer");
    const pair = await pairOn(reviewer, feed.postIds);
    const texts = [pair.a.text, pair.b.text].sort();
    expect(texts[0]).toMatch(/^LIVE/);
    expect(texts[1]).toMatch(/^SHADOW/);
    const shown = JSON.stringify(pair);
    for (const secret of [live.id, shadow.id, live.name, shadow.name, "draft-v2", "shadow-model", "live", "shadow\""]) expect(shown).not.toContain(secret);

    // A reload shows the same pair with the same sides, not a fresh draw.
    expect(await nextBlindPair(reviewer)).toEqual(pair);
  });

  it("reveals the sides from the stored pairing only after the choice, and takes one judgement per reviewer per pair", async () => {
    const { feed, live, shadow } = await comparedFeed(1);
    const reviewer = await seedUser(t.db, "Rob", "reviewer");
    const pair = await pairOn(reviewer, feed.postIds);
    const shadowSide = pair.a.text.startsWith("SHADOW") ? "a" : "b";

    const reveal = await chooseInComparison({ comparisonId: pair.comparisonId, choice: shadowSide }, reviewer);
    expect(reveal[shadowSide]).toEqual({ name: shadow.name, status: "shadow" });
    expect(reveal[shadowSide === "a" ? "b" : "a"]).toEqual({ name: live.name, status: "live" });

    await expect(chooseInComparison({ comparisonId: pair.comparisonId, choice: "tie" }, reviewer)).rejects.toMatchObject({ code: "conflict" });
    const stranger = await seedUser(t.db, "Sam", "reviewer");
    await expect(chooseInComparison({ comparisonId: pair.comparisonId, choice: "a" }, stranger)).rejects.toMatchObject({ code: "not_found" });
    await expect(chooseInComparison({ comparisonId: pair.comparisonId, choice: "left" as "a" }, reviewer)).rejects.toThrow("Choose A, B or about the same.");

    const stored = await t.db.variantComparison.findUniqueOrThrow({ where: { id: pair.comparisonId } });
    const [low] = [live.id, shadow.id].sort();
    expect(stored).toMatchObject({ reviewerId: reviewer.id, choice: shadowSide, lowOnA: (shadowSide === "a") === (low === shadow.id) });
    expect(stored.chosenAt).not.toBeNull();
    expect(await t.db.auditEvent.findFirst({ where: { subjectType: "comparison", subjectId: pair.comparisonId } })).toMatchObject({
      action: "comparison.choose",
      actorId: reviewer.id,
      after: { choice: shadowSide, winnerVariantId: shadow.id },
    });
  });

  it("offers each pair once per reviewer, draws the sides at random, and stops when all are judged", async () => {
    await comparedFeed(24);
    const reviewer = await seedUser(t.db, "Quinn", "reviewer");
    const judged = await judgeAll(reviewer, () => "tie");
    expect(judged.length).toBeGreaterThanOrEqual(24);
    expect(new Set(judged.map((j) => j.pair.comparisonId)).size).toBe(judged.length);
    expect(await nextBlindPair(reviewer)).toBeNull();
    // Which side the live variant's draft is on varies (24 fair coin flips all alike: 1 in 8 million).
    const liveOnA = judged.map((j) => j.reveal.a.status === "live");
    expect(liveOnA).toContain(true);
    expect(liveOnA).toContain(false);
    // A second reviewer still gets every pair.
    const other = await seedUser(t.db, "Uma", "reviewer");
    expect((await judgeAll(other, () => "tie")).length).toBe(judged.length);
  });

  it("does not offer identical notes or variants that are off", async () => {
    const feed = await freshFeed(t.db, 2);
    const models = testModels(writesNote("SAME"));
    models.add("twin", writesNote("SAME"));
    models.add("retired", writesNote("RETIRED"));
    await createVariant({ writerId: feed.writerId, name: "Twin", promptVersion: "draft-v1", provider: "openai-compatible", model: "twin", temperature: 0.3 }, admin);
    const retired = await createVariant({ writerId: feed.writerId, name: "Retired", promptVersion: "draft-v1", provider: "openai-compatible", model: "retired", temperature: 0.3 }, admin);
    await draftAsLiveVariant(t.db, models, { feed, triggeredById: null });
    await runShadowDrafting(t.db, models, { feed });
    expect(await t.db.shadowDraft.count({ where: { variantId: retired.id, outcome: "note" } })).toBe(2);
    await setVariantStatus({ variantId: retired.id, status: "off" }, admin);
    const reviewer = await seedUser(t.db, "Vic", "reviewer");
    const pairs = await judgeAll(reviewer, () => "tie");
    expect(pairs.filter((j) => feed.postIds.includes(j.pair.post.id))).toEqual([]);
  });
});

describe("standings", () => {
  it("rates the variant reviewers prefer higher, with the counts behind it", async () => {
    const { feed, live, shadow } = await comparedFeed(6);
    const reviewer = await seedUser(t.db, "Wes", "reviewer");
    const ours = new Set(feed.postIds);
    await judgeAll(reviewer, (pair) => (!ours.has(pair.post.id) ? "tie" : pair.a.text.startsWith("SHADOW") ? "a" : "b"));

    const standing = (await listVariantStandings(t.db)).find((s) => s.writer.id === feed.writerId)!;
    const byName = Object.fromEntries(standing.variants.map((v) => [v.name, v]));
    expect(standing.judgements).toBe(6);
    expect(byName[shadow.name]!.ranking).toMatchObject({ comparisons: 6, wins: 6, losses: 0, ties: 0 });
    expect(byName[live.name]!.ranking).toMatchObject({ comparisons: 6, wins: 0, losses: 6 });
    expect(byName[shadow.name]!.ranking.rating).toBeGreaterThan(byName[live.name]!.ranking.rating);
    expect(byName[shadow.name]!.fewComparisons).toBe(true);
    expect(byName[live.name]!.counts).toMatchObject({ liveDrafts: 6 });
    expect(byName[shadow.name]!.counts).toMatchObject({ shadowNotes: 6, shadowFailures: 0 });
    expect(byName[shadow.name]!.configurable).toBe(false);
  });

  it("counts live drafts approved word for word as drafted, against every decided one", async () => {
    const feed = await freshFeed(t.db, 4);
    await draftAsLiveVariant(t.db, testModels(writesNote("LIVE as drafted")), { feed, triggeredById: null });
    const drafts = await t.db.draft.findMany({ where: { writerId: feed.writerId }, orderBy: { id: "asc" }, include: { currentRevision: true } });
    const [asDrafted, edited, rejected] = drafts;
    const reviewer = await seedUser(t.db, "Xan", "approver");
    await t.db.draft.update({ where: { id: asDrafted!.id }, data: { state: "submitted" } });
    const edit = await t.db.revision.create({
      data: { draftId: edited!.id, number: 2, authorKind: "human", authorId: reviewer.id, parentId: edited!.currentRevisionId, text: `${edited!.currentRevision!.text} Two words.`, classification: "misinformed_or_potentially_misleading", misleadingTags: ["outdated_information"], trustworthySources: true },
    });
    await t.db.draft.update({ where: { id: edited!.id }, data: { state: "approved", currentRevisionId: edit.id } });
    await t.db.draft.update({ where: { id: rejected!.id }, data: { state: "rejected" } });

    const standing = (await listVariantStandings(t.db)).find((s) => s.writer.id === feed.writerId)!;
    expect(standing.variants[0]!.approval).toMatchObject({ decided: 3, approved: 2, asDrafted: 1, rate: 1 / 3, medianWordsEdited: 1 });
    expect(standing.variants[0]!.approval.interval!.low).toBeLessThan(1 / 3);
  });
});
