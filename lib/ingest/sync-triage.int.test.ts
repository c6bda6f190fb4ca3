import { describe, expect, it } from "vitest";

import type { DraftingProvider } from "@/lib/drafting/provider";
import { keyedProvider } from "@/lib/drafting/testing/keyed-provider";
import { overturnTriage, triageFor } from "@/lib/triage";
import { buildDemoData } from "@/lib/x-simulator/demo-data/build";
import type { PostKind } from "@/lib/x-simulator/demo-data/language-pack";
import { DEFAULT_SEED } from "@/lib/x-simulator/options";
import { seedUser } from "@/tests/support/fixtures/review";

import { syncEligiblePosts } from "./sync";
import { fakePost, fixedFeed, simulatorFeed, syncTestbed } from "./testing";
import { upsertPosts } from "./upsert-posts";

const bed = await syncTestbed();
const { t, sim } = bed;

/** Every triaged post's stored triage: the columns of posts the sync writes. */
const triageRows = () =>
  t.db.post.findMany({
    where: { triageVerdict: { not: null } },
    orderBy: { id: "asc" },
    select: {
      id: true, checkability: true, triageVerdict: true, machineVerdict: true, priorityKey: true, triageAgainst: true, triagedAt: true,
      triageModel: true, triagePromptVersion: true, triageModelCheckable: true, triageModelReason: true, overturnedById: true, overturnReason: true,
    },
  });
const triageOf = async (id: string) => (await t.db.post.findUniqueOrThrow({ where: { id }, select: { triageVerdict: true, machineVerdict: true, triageModel: true, overturnedById: true, overturnReason: true } }));
const claim = fakePost("1001", { text: "Official figures: 4,800 homes stand empty, the council confirmed." });
const modelSays = (checkable: boolean) => keyedProvider(() => JSON.stringify({ checkable, reason: checkable ? "States figures." : "A judgement." }));

describe("triage in the sync run", () => {
  it("stores a verdict, a priority and why it is out for every post of the feed, and counts them in the run", async () => {
    const result = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 });
    const rows = await triageRows();
    expect(rows).toHaveLength(await t.db.post.count());
    const out = rows.filter((r) => r.triageVerdict === "out");
    expect(result.triage).toEqual({ triaged: rows.length, triagedOut: out.length });
    expect(rows.every((r) => r.triageModel === null && r.triageVerdict === r.machineVerdict && Number.isFinite(r.priorityKey) && r.triagedAt)).toBe(true);
    expect(new Set(rows.map((r) => r.triageVerdict))).toEqual(new Set(["in", "out"]));
    // Why a post is out is kept in one word; the reasons themselves are derived when shown.
    expect(out.filter((r) => r.triageAgainst !== null).length).toBeGreaterThan(out.length * 0.8);
    expect(rows.filter((r) => r.triageVerdict === "in").every((r) => r.triageAgainst === null)).toBe(true);
    const shown = await triageFor(rows.map((r) => r.id));
    expect([...shown.values()].filter((dto) => dto.reasons.length > 0).length).toBeGreaterThan(rows.length * 0.9);
    expect([...shown.values()].every((dto) => dto.rulesNow === null)).toBe(true);
    const run = await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run.counts).toMatchObject({ new: rows.length, triaged: rows.length, triagedOut: out.length });
  });

  it("leaves unchanged posts' triage alone on a re-sync", async () => {
    await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 });
    const before = await triageRows();
    const again = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 });
    expect(again.triage).toEqual({ triaged: 0, triagedOut: 0 });
    expect(await triageRows()).toEqual(before);
  });

  it("re-triages a post whose content changed, and keeps a reviewer's overturn through it", async () => {
    await syncEligiblePosts(t.db, fixedFeed([claim]), { writer: bed.writer });
    expect(await triageOf(claim.id)).toMatchObject({ triageVerdict: "in", machineVerdict: "in" });
    const reviewer = await seedUser(t.db, "Rita", "reviewer");
    await overturnTriage({ postId: claim.id, verdict: "out", reason: "The council already corrected this." }, reviewer);

    await syncEligiblePosts(t.db, fixedFeed([claim]), { writer: bed.writer, fullScan: true });
    const edited = { ...claim, text: `${claim.text} 1,200 families are waiting, according to the housing report.` };
    const result = await syncEligiblePosts(t.db, fixedFeed([edited]), { writer: bed.writer, fullScan: true });

    expect(result.counts).toMatchObject({ updated: 1 });
    expect(result.triage.triaged).toBe(1);
    expect(await triageOf(claim.id)).toMatchObject({ triageVerdict: "out", machineVerdict: "in", overturnedById: reviewer.id, overturnReason: "The council already corrected this." });
    expect(JSON.stringify((await triageFor([claim.id])).get(claim.id)?.reasons)).toContain("1,200");
  });

  it("catches up on posts stored without a triage", async () => {
    await upsertPosts(t.db, [claim]);
    const result = await syncEligiblePosts(t.db, fixedFeed([claim]), { writer: bed.writer });
    expect(result.counts).toMatchObject({ new: 0, skipped: 1 });
    expect(result.triage.triaged).toBe(1);
    expect((await triageRows()).map((r) => r.id)).toEqual([claim.id]);
  });

  it("puts most of the demo's opinions, predictions and satire out and most of its claims in", async () => {
    sim.control.admitWriter();
    sim.control.advanceClock(3 * 86_400_000);
    const live = await t.db.writer.create({ data: { name: "live", feedLang: "all", testMode: false } });
    await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100 });
    await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: live, fullScan: true, maxPages: 100 });

    const demo = buildDemoData(DEFAULT_SEED);
    // A long post's text is its language's claim thread whatever its kind: it says nothing about the kind.
    const kinds = new Map([...demo.testFeed, ...demo.liveFeed].filter((p) => !p.longText).map((p) => [p.id, p.kind]));
    const rows = (await triageRows()).filter((r) => kinds.has(r.id));
    const blocked = (r: (typeof rows)[number]) => r.triageAgainst === "media_note_shown";
    const rate = (of: readonly PostKind[], verdict: "in" | "out") => {
      const group = rows.filter((r) => of.includes(kinds.get(r.id) as PostKind) && !blocked(r));
      return { n: group.length, rate: group.filter((r) => r.triageVerdict === verdict).length / group.length };
    };

    const uncheckable = rate(["opinion", "prediction", "satire"], "out");
    const claims = rate(["claim_number", "quote", "entity_claim", "media_claim"], "in");
    expect(uncheckable.n + claims.n).toBeGreaterThan(150);
    expect(uncheckable.rate).toBeGreaterThanOrEqual(0.9);
    expect(claims.rate).toBeGreaterThanOrEqual(0.85);
  });
});

describe("the model pass in the sync run", () => {
  it("asks about the posts nearest the threshold, at most 50, and stores the combined judgement", async () => {
    const model = modelSays(true);
    const result = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, fullScan: true, maxPages: 100, triageModel: model });
    expect(result.state).toBe("succeeded");
    expect(result.triage).toMatchObject({ modelAsked: 50, modelAnswered: 50 });
    expect(model.calls).toBe(50);
    const rows = await triageRows();
    const byModel = rows.filter((r) => r.triageModel !== null);
    expect(byModel).toHaveLength(50);
    expect(byModel.every((r) => r.triageModel === "keyed-test-model" && r.triagePromptVersion === "triage-v1" && r.triageModelCheckable === true && r.triageModelReason === "States figures.")).toBe(true);
    const shown = await triageFor(byModel.map((r) => r.id));
    expect([...shown.values()].every((dto) => dto.assessedBy === "llm" && dto.rulesNow === null && dto.reasons.some((reason) => reason.signal === "model"))).toBe(true);
    expect(result.triage.triagedOut).toBe(rows.filter((r) => r.machineVerdict === "out").length);
  });

  it("keeps the heuristics' judgement when the model fails, and never fails the run for it", async () => {
    const broken = keyedProvider(() => new Error("502 from the model"));
    const result = await syncEligiblePosts(t.db, fixedFeed([claim]), { writer: bed.writer, triageModel: broken });
    expect(result).toMatchObject({ state: "succeeded", triage: { triaged: 1, modelAsked: 1, modelAnswered: 0 } });
    expect(await triageOf(claim.id)).toMatchObject({ triageModel: null, triageVerdict: "in" });
  });

  it("drops a model answer about content that changed while the model thought", async () => {
    const racing: DraftingProvider = {
      id: "xai",
      model: "racing",
      async generate({ task }) {
        await t.db.post.update({ where: { id: task.post.id }, data: { contentHash: "changed meanwhile" } });
        return { text: '{"checkable": false, "reason": "A judgement."}', usage: { inputTokens: 1, outputTokens: 1 }, latencyMs: 1 };
      },
    };
    await syncEligiblePosts(t.db, fixedFeed([claim]), { writer: bed.writer, triageModel: racing });
    expect(await triageOf(claim.id)).toMatchObject({ triageModel: null, triageVerdict: "in" });
  });

  it("does not ask an offline provider", async () => {
    const model = modelSays(false);
    const offline: DraftingProvider = { id: "offline", model: "offline", generate: (request) => model.generate(request) };
    const result = await syncEligiblePosts(t.db, fixedFeed([claim]), { writer: bed.writer, triageModel: offline });
    expect(model.calls).toBe(0);
    expect(result.triage.modelAsked).toBeUndefined();
  });
});
