import { describe, expect, it } from "vitest";

import { keyedProvider, noteReply } from "@/lib/drafting/testing/keyed-provider";

import { runShadowDrafting } from "./shadow-run";
import { SHADOW_MAX_ATTEMPTS } from "./shadow-work";
import { draftedFeed, variantTestbed, writesNote } from "./testing/variant-fixture";
import { setVariantStatus } from "./variant-admin";

const { t, admin } = await variantTestbed();

const shadowDraftsOf = (variantId: string) =>
  t.db.shadowDraft.findMany({
    where: { variantId },
    orderBy: { draft: { postId: "asc" } },
    select: { draft: { select: { postId: true } }, outcome: true, text: true, attempts: true, runId: true, createdAt: true },
  });

const runRecord = (runId: string | null) => t.db.jobRun.findUniqueOrThrow({ where: { id: runId! } });

const messages = (errors: unknown) => (errors as { message: string }[]).map((e) => e.message);

describe("shadow runs retry failed shadow drafts", () => {
  it("tries a failure again on the next run, never in the same one, and never drafts a kept note again", async () => {
    let down = true;
    const flaky = keyedProvider((task) =>
      down && task.post.id === shaky ? new Error("shadow provider is down") : noteReply(`FLAKY on ${task.post.id}: https://www.reuters.com/fact-check/${task.post.id}`),
    );
    const { feed, models, variants } = await draftedFeed(t.db, admin, 2, { flaky });
    const [shaky, steady] = feed.postIds as [string, string];

    const first = await runShadowDrafting(t.db, models, { feed, triggeredById: admin.id });
    expect(first).toMatchObject({ drafted: 1, failed: 1, retried: 0, gaveUp: 0, waitingForBudget: 0, stoppedBecause: null });
    // A failure waits for the next run: one call per post, not a retry loop inside the run.
    expect([flaky.callsFor(shaky), flaky.callsFor(steady)]).toEqual([1, 1]);
    const kept = await shadowDraftsOf(variants[0]!.id);
    expect(kept).toMatchObject([
      { draft: { postId: shaky }, outcome: "failed", attempts: 1, runId: first.runId },
      { draft: { postId: steady }, outcome: "note", attempts: 1, runId: first.runId },
    ]);

    down = false;
    const second = await runShadowDrafting(t.db, models, { feed });
    expect(second).toMatchObject({ drafted: 1, failed: 0, retried: 1, gaveUp: 0 });
    expect([flaky.callsFor(shaky), flaky.callsFor(steady)]).toEqual([2, 1]);
    const retried = await shadowDraftsOf(variants[0]!.id);
    expect(retried[0]).toMatchObject({ outcome: "note", attempts: 2, runId: second.runId, text: expect.stringContaining(`FLAKY on ${shaky}`) });
    expect(retried[1]).toEqual(kept[1]);

    const third = await runShadowDrafting(t.db, models, { feed });
    expect(third).toMatchObject({ drafted: 0, abstained: 0, failed: 0, retried: 0 });
    expect(flaky.calls).toBe(3);
    expect(await shadowDraftsOf(variants[0]!.id)).toEqual(retried);

    // Each run is a record of its own, with its counts, its variant and what failed.
    const records = await Promise.all([first, second, third].map((run) => runRecord(run.runId)));
    expect(records.map(({ kind, state, progress, total, variantIds }) => ({ kind, state, progress, total, variantIds }))).toEqual([
      { kind: "shadow", state: "succeeded", progress: 2, total: 2, variantIds: [variants[0]!.id] },
      { kind: "shadow", state: "succeeded", progress: 1, total: 1, variantIds: [variants[0]!.id] },
      { kind: "shadow", state: "succeeded", progress: 0, total: 0, variantIds: [variants[0]!.id] },
    ]);
    expect(records.map((r) => r.counts)).toEqual([
      { drafted: 1, abstained: 0, failed: 1, retried: 0, gaveUp: 0, waitingForBudget: 0 },
      { drafted: 1, abstained: 0, failed: 0, retried: 1, gaveUp: 0, waitingForBudget: 0 },
      { drafted: 0, abstained: 0, failed: 0, retried: 0, gaveUp: 0, waitingForBudget: 0 },
    ]);
    expect(records[0]).toMatchObject({ writerId: feed.writerId, testMode: true, triggeredById: admin.id });
    expect(messages(records[0]!.errors)).toEqual([`Post ${shaky}, variant "flaky", attempt 1 of 3: The openai-compatible provider failed: shadow provider is down`]);
    expect(records[1]!.errors).toEqual([]);

    const audit = await t.db.auditEvent.findMany({ where: { action: "variant.shadow_draft", subjectId: variants[0]!.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => (e.after as { attempt: number }).attempt)).toEqual([1, 1, 2]);
  });

  it(`stops after ${SHADOW_MAX_ATTEMPTS} attempts at an answer that never parses, and says which was the last`, async () => {
    const garbled = keyedProvider(() => "Sure! Here is my answer: {not json");
    const { feed, models, variants } = await draftedFeed(t.db, admin, 2, { garbled });
    const [post, other] = feed.postIds as [string, string];

    // One post per batch: a failure stored by this run must not come back in its next batch.
    const runs = [];
    for (let run = 0; run < SHADOW_MAX_ATTEMPTS + 1; run++) runs.push(await runShadowDrafting(t.db, models, { feed, batchSize: 1 }));

    expect(runs.map(({ failed, retried, gaveUp }) => ({ failed, retried, gaveUp }))).toEqual([
      { failed: 2, retried: 0, gaveUp: 0 },
      { failed: 2, retried: 2, gaveUp: 0 },
      { failed: 2, retried: 2, gaveUp: 2 },
      { failed: 0, retried: 0, gaveUp: 0 },
    ]);
    // Each attempt is one structured call: the first answer and its two corrections.
    expect([garbled.callsFor(post), garbled.callsFor(other)]).toEqual([3 * SHADOW_MAX_ATTEMPTS, 3 * SHADOW_MAX_ATTEMPTS]);
    const lastAttempt = { outcome: "failed", attempts: SHADOW_MAX_ATTEMPTS, runId: runs[2]!.runId };
    expect(await shadowDraftsOf(variants[0]!.id)).toMatchObject([lastAttempt, lastAttempt]);
    const last = await runRecord(runs[2]!.runId);
    expect(messages(last.errors)).toContainEqual(expect.stringMatching(new RegExp(`^Post ${post}, variant "garbled", attempt 3 of 3 \\(the last\\): No usable answer after 3 attempts`)));
    expect(await runRecord(runs[3]!.runId)).toMatchObject({ state: "succeeded", progress: 0, total: 0 });
  });

  it("leaves the failures of a variant that was turned off alone, while the other shadow variants keep drafting", async () => {
    const broken = keyedProvider(() => new Error("shadow model is down"));
    const { feed, models, variants } = await draftedFeed(t.db, admin, 2, { broken, steady: writesNote("STEADY") });
    const [brokenVariant, steadyVariant] = variants as [(typeof variants)[0], (typeof variants)[0]];
    expect(await runShadowDrafting(t.db, models, { feed })).toMatchObject({ drafted: 2, failed: 2 });

    await setVariantStatus({ variantId: brokenVariant.id, status: "off" }, admin);
    const after = await runShadowDrafting(t.db, models, { feed });

    expect(after).toMatchObject({ drafted: 0, failed: 0, retried: 0 });
    expect(broken.calls).toBe(2);
    expect(await runRecord(after.runId)).toMatchObject({ variantIds: [steadyVariant.id], total: 0 });
    expect(await shadowDraftsOf(brokenVariant.id)).toMatchObject([{ outcome: "failed", attempts: 1 }, { outcome: "failed", attempts: 1 }]);
  });

  it("runs one shadow run per feed at a time: a second one records nothing and drafts nothing", async () => {
    const waiting = writesNote("WAITING");
    const { feed, models } = await draftedFeed(t.db, admin, 1, { waiting });
    const now = new Date();
    await t.db.jobRun.create({ data: { kind: "shadow", writerId: feed.writerId, testMode: true, state: "running", startedAt: now, heartbeatAt: now } });

    expect(await runShadowDrafting(t.db, models, { feed })).toMatchObject({ runId: null, drafted: 0, stoppedBecause: expect.stringContaining("already in progress") });
    expect(waiting.calls).toBe(0);
    expect(await t.db.jobRun.count({ where: { writerId: feed.writerId, kind: "shadow" } })).toBe(1);
  });
});
