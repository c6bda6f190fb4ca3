import { describe, expect, it } from "vitest";

import { setWriterLlmBudget } from "@/lib/costs/budgets";
import { meteredProvider } from "@/lib/costs/metered-provider";
import { setModelPrice } from "@/lib/costs/prices";
import { keyedProvider } from "@/lib/drafting/testing/keyed-provider";
import { createOfflineDrafter } from "@/lib/drafting/offline/offline-drafter";
import { draftPostsJob } from "@/lib/jobs/handlers/draft-posts";
import { shadowDraftsJob } from "@/lib/jobs/handlers/shadow-drafts";
import type { JobContext } from "@/lib/jobs/context";
import type { JobQueue } from "@/lib/jobs/boss";
import { listQueue } from "@/lib/review/queue";
import { parseQueueFilters } from "@/lib/review/queue-filters";
import { seedUser } from "@/tests/support/fixtures/review";

import { draftAsLiveVariant } from "./live-drafting";
import { runShadowDrafting } from "./shadow-run";
import { liveVariant } from "./store";
import { draftedFeed as draftedFeedOf, freshFeed, liveNote, testModels, variantTestbed, writesNote } from "./testing/variant-fixture";
import { createVariant } from "./variant-admin";

const { t, admin } = await variantTestbed();

const draftedFeed = (count: number, shadows: Parameters<typeof draftedFeedOf>[3]) => draftedFeedOf(t.db, admin, count, shadows);

const draftsOf = (writerId: string) =>
  t.db.draft.findMany({ where: { writerId }, orderBy: { id: "asc" }, select: { id: true, state: true, version: true, currentRevisionId: true, updatedAt: true } });

describe("live drafting as the live variant", () => {
  it("records the live variant, its prompt and its temperature on every AI revision", async () => {
    const feed = await freshFeed(t.db, 2);
    let temperature: number | undefined;
    const spy = keyedProvider((task) => JSON.stringify({ decision: "no_note_needed", rationale: `seen ${task.kind}`, note: null }));
    const models = testModels({ ...spy, generate: (request) => ((temperature = request.temperature), spy.generate(request)) });
    await draftAsLiveVariant(t.db, models, { feed, triggeredById: null });
    const variant = await liveVariant(t.db, feed.writerId);
    expect(variant).toMatchObject({ name: "Default", status: "live", promptVersion: "draft-v1", provider: "env", temperature: 0.3 });
    expect(temperature).toBe(0.3);

    const noted = await freshFeed(t.db, 1);
    await draftAsLiveVariant(t.db, testModels(liveNote), { feed: noted, triggeredById: null });
    const revision = await t.db.revision.findFirstOrThrow({ where: { draft: { writerId: noted.writerId } } });
    expect(revision).toMatchObject({ authorKind: "ai", promptVersion: "draft-v1", variantId: (await liveVariant(t.db, noted.writerId)).id });
    // The run's record names it too, so the Runs page can say which variant a drafting run drafted as.
    const run = await t.db.jobRun.findFirstOrThrow({ where: { kind: "draft", writerId: noted.writerId }, select: { variantIds: true } });
    expect(run.variantIds).toEqual([(await liveVariant(t.db, noted.writerId)).id]);
  });
});

describe("shadow drafting", () => {
  it("drafts every live-drafted post once per shadow variant, with its own prompt, apart from drafts and revisions", async () => {
    const offline = createOfflineDrafter();
    const { feed, models, variants } = await draftedFeed(3, { "shadow-a": writesNote("SHADOW A"), concise: offline });
    const before = await draftsOf(feed.writerId);
    const revisionsBefore = await t.db.revision.count({ where: { draft: { writerId: feed.writerId } } });

    const result = await runShadowDrafting(t.db, models, { feed });

    expect(result).toMatchObject({ drafted: 3, failed: 0, stoppedBecause: null, skipped: [] });
    expect(result.abstained).toBe(3); // the offline drafter abstains on posts nobody asked a note for
    const shadows = await t.db.shadowDraft.findMany({ where: { draftId: { in: before.map((d) => d.id) } } });
    expect(shadows).toHaveLength(6);
    for (const shadow of shadows) expect(shadow).toMatchObject({ promptVersion: "draft-v2" });
    expect(shadows.filter((s) => s.variantId === variants[0]!.id).every((s) => s.outcome === "note" && s.text?.startsWith("SHADOW A"))).toBe(true);
    // Nothing the queue, approval or submission read has changed.
    expect(await draftsOf(feed.writerId)).toEqual(before);
    expect(await t.db.revision.count({ where: { draft: { writerId: feed.writerId } } })).toBe(revisionsBefore);

    expect(await runShadowDrafting(t.db, models, { feed })).toMatchObject({ drafted: 0, abstained: 0, failed: 0 });
    expect(await t.db.auditEvent.count({ where: { action: "variant.shadow_draft", subjectId: { in: variants.map((v) => v.id) } } })).toBe(6);
  });

  it("never puts a shadow draft in the queue: the queue shows the live variant's text only", async () => {
    const { feed, models } = await draftedFeed(2, { "shadow-q": writesNote("SHADOW QUEUE TEXT") });
    await runShadowDrafting(t.db, models, { feed });
    const viewer = await seedUser(t.db, "Viewer", "viewer");
    const page = await listQueue(parseQueueFilters({ writer: feed.writerId }), viewer);
    const texts = page.rows.filter((row) => feed.postIds.includes(row.post.id)).map((row) => row.currentRevision?.text ?? "");
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text).toContain("LIVE says");
      expect(text).not.toContain("SHADOW");
    }
  });

  it("records a failing shadow variant's failures on its shadow drafts and leaves live drafting as it was", async () => {
    const broken = keyedProvider(() => new Error("shadow model is down"));
    const { feed, models, variants } = await draftedFeed(2, { broken });
    const before = await draftsOf(feed.writerId);

    const result = await runShadowDrafting(t.db, models, { feed });

    expect(result).toMatchObject({ drafted: 0, failed: 2, stoppedBecause: null });
    const failures = await t.db.shadowDraft.findMany({ where: { variantId: variants[0]!.id } });
    expect(failures).toHaveLength(2);
    for (const failure of failures) expect(failure).toMatchObject({ outcome: "failed", failureReason: expect.stringContaining("shadow model is down") });
    expect(await draftsOf(feed.writerId)).toEqual(before);
  });

  it("skips a shadow variant whose model cannot be reached here, and says why", async () => {
    const feed = await freshFeed(t.db, 1);
    await createVariant({ writerId: feed.writerId, name: "unreachable", promptVersion: "draft-v2", provider: "offline", model: null, temperature: 0.3 }, admin);
    const models = testModels(liveNote);
    await draftAsLiveVariant(t.db, models, { feed, triggeredById: null });
    const refusing = { ...models, modelFor: (...args: Parameters<typeof models.modelFor>) => (args[1] ? (() => { throw new Error("not configured here"); })() : models.modelFor(...args)) };
    expect(await runShadowDrafting(t.db, refusing, { feed })).toMatchObject({ drafted: 0, skipped: [{ variant: "unreachable", reason: "not configured here" }] });
  });

  it("yields to a live drafting run of the same feed", async () => {
    const { feed, models } = await draftedFeed(2, { patient: writesNote("SHADOW later") });
    const run = await t.db.jobRun.create({ data: { kind: "draft", writerId: feed.writerId, testMode: true, state: "running", startedAt: new Date(), heartbeatAt: new Date() } });
    expect(await runShadowDrafting(t.db, models, { feed })).toMatchObject({ drafted: 0, stoppedBecause: expect.stringContaining("live drafting run") });
    await t.db.jobRun.update({ where: { id: run.id }, data: { state: "succeeded", finishedAt: new Date() } });
    expect(await runShadowDrafting(t.db, models, { feed })).toMatchObject({ drafted: 2, stoppedBecause: null });
  });

  it("books its calls to the writer as shadow spend, and stops at the writer's LLM budget like drafting", async () => {
    await setModelPrice({ model: "keyed-test-model", price: { inputDollarsPerMillion: 1, outputDollarsPerMillion: 2 } }, admin);
    const { feed, models } = await draftedFeed(3, { metered: writesNote("SHADOW metered") });
    const metered: typeof models = {
      ...models,
      modelFor: (model, spend) => {
        const provider = models.modelFor(model, spend);
        return spend ? meteredProvider(provider, () => Promise.resolve(spend)) : provider;
      },
    };
    // Each call costs 200 micro-dollars and the cap is 300: the budget is checked before each call,
    // so the second call goes ahead (200 spent) and the third does not (400 spent).
    await setWriterLlmBudget({ writerId: feed.writerId, dailyDollars: 0.0003, monthlyDollars: null }, admin);

    const result = await runShadowDrafting(t.db, metered, { feed });

    expect(result).toMatchObject({ drafted: 2, failed: 0, stoppedBecause: expect.stringContaining("daily LLM budget") });
    expect(await t.db.llmCall.findMany({ where: { writerId: feed.writerId }, select: { purpose: true, costMicros: true } })).toEqual([
      { purpose: "shadow", costMicros: 200 },
      { purpose: "shadow", costMicros: 200 },
    ]);
    // The post left over is not a failure: it waits for the budget, and the run record says so.
    expect(await t.db.shadowDraft.count({ where: { draft: { writerId: feed.writerId } } })).toBe(2);
    const run = await t.db.jobRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run).toMatchObject({ kind: "shadow", state: "cancelled", progress: 2, total: 3 });
    expect(run.counts).toMatchObject({ drafted: 2, failed: 0, waitingForBudget: 1 });
    expect(run.errors).toEqual([expect.objectContaining({ message: expect.stringContaining("daily LLM budget") })]);
  });
});

describe("the drafting job and the shadow job", () => {
  const fakeQueue = () => {
    const sent: { name: string; data: unknown }[] = [];
    const queue = { send: async (name: string, data: unknown) => (sent.push({ name, data }), `job-${sent.length}`) } as unknown as JobQueue;
    return { queue, sent };
  };
  const context = (models: ReturnType<typeof testModels>, queue: JobQueue): JobContext => ({
    db: t.db,
    queue,
    signal: new AbortController().signal,
    services: { drafting: () => models, eligibleFeed: () => { throw new Error("no feed in this test"); } },
  });

  it("drafts live first and queues the shadow variants' turn; a broken shadow model never fails either job", async () => {
    const feed = await freshFeed(t.db, 2);
    const models = testModels(liveNote);
    models.add("down", keyedProvider(() => new Error("shadow model is down")));
    await createVariant({ writerId: feed.writerId, name: "down", promptVersion: "draft-v1", provider: "openai-compatible", model: "down", temperature: 0.3 }, admin);
    const { queue, sent } = fakeQueue();

    const drafted = await draftPostsJob({ writerId: feed.writerId, triggeredById: null }, context(models, queue));
    expect(drafted).toMatchObject({ state: "succeeded", counts: { drafted: 2 }, shadow: "queued" });
    expect(sent).toEqual([{ name: "shadow-drafts", data: { writerId: feed.writerId, triggeredById: null } }]);
    const liveDrafts = await draftsOf(feed.writerId);
    expect(liveDrafts.every((d) => d.state === "ready")).toBe(true);

    const shadowed = await shadowDraftsJob({ writerId: feed.writerId, triggeredById: admin.id }, context(models, queue));
    expect(shadowed).toMatchObject({ drafted: 0, failed: 2 });
    // The job's run is on the Runs page like the drafting run before it, with who queued it.
    const runs = await t.db.jobRun.findMany({ where: { writerId: feed.writerId }, orderBy: { createdAt: "asc" }, select: { kind: true, state: true, triggeredById: true } });
    expect(runs).toEqual([
      { kind: "draft", state: "succeeded", triggeredById: null },
      { kind: "shadow", state: "succeeded", triggeredById: admin.id },
    ]);
    expect(await draftsOf(feed.writerId)).toEqual(liveDrafts);
  });

  it("queues nothing for a writer without shadow variants", async () => {
    const feed = await freshFeed(t.db, 1);
    const { queue, sent } = fakeQueue();
    expect(await draftPostsJob({ writerId: feed.writerId, triggeredById: null }, context(testModels(liveNote), queue))).toMatchObject({ shadow: "no shadow variants" });
    expect(sent).toEqual([]);
  });
});
