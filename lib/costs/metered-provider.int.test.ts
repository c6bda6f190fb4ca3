import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runDrafting } from "@/lib/drafting/drafting-run";
import { numberedPosts, seedFeed } from "@/lib/drafting/testing/feed-fixture";
import { keyedProvider, noteReply } from "@/lib/drafting/testing/keyed-provider";
import { makePost } from "@/lib/drafting/testing/posts";
import { seedDraft, seedUser } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { attributeFromDrafts } from "./attribution";
import { llmBudgetStatuses, setWriterLlmBudget } from "./budgets";
import { meteredProvider } from "./metered-provider";
import { setModelPrice } from "./prices";

const t = await createTestDatabase();
afterAll(() => t.drop());

let admin: { id: string; name: string };
beforeAll(async () => {
  admin = await seedUser(t.db, "Ada Admin", "admin");
  // keyed-test-model answers 120 tokens in, 40 out: $1 and $2 per million make that 200 micro-dollars.
  await setModelPrice({ model: "keyed-test-model", price: { inputDollarsPerMillion: 1, outputDollarsPerMillion: 2 } }, admin);
});

let feeds = 0;
async function feedOf(count: number) {
  feeds += 1;
  const posts = numberedPosts(count, (i) => `Feed ${feeds} post ${i} claims a number.`).map((p) => ({ ...p, id: String(BigInt(p.id) + BigInt(feeds * 1_000)) }));
  return seedFeed(t.db, posts, `costs writer ${feeds}`);
}

const ledgerOf = (writerId: string) =>
  t.db.llmCall.findMany({ where: { writerId }, orderBy: { id: "asc" }, select: { purpose: true, model: true, inputTokens: true, outputTokens: true, costMicros: true, ok: true } });

describe("the metered provider", () => {
  it("records every drafting call against the writer whose draft it is, with tokens and estimated cost", async () => {
    const feed = await feedOf(2);
    const model = keyedProvider(() => noteReply());
    const run = await runDrafting(t.db, meteredProvider(model), { feed, concurrency: 2 });
    expect(run.counts.drafted).toBe(2);
    expect(await ledgerOf(feed.writerId)).toEqual([
      { purpose: "draft", model: "keyed-test-model", inputTokens: 120, outputTokens: 40, costMicros: 200, ok: true },
      { purpose: "draft", model: "keyed-test-model", inputTokens: 120, outputTokens: 40, costMicros: 200, ok: true },
    ]);
    const [status] = await llmBudgetStatuses(feed.writerId);
    expect(status).toMatchObject({ today: { spentMicros: 400 }, month: { spentMicros: 400 }, calls: 2, reached: null });
  });

  it("records a failed call too, its cost unknown", async () => {
    const feed = await feedOf(1);
    await runDrafting(t.db, meteredProvider(keyedProvider(() => new Error("provider overloaded"))), { feed, concurrency: 1, draftOptions: { maxRetries: 0 } });
    expect(await ledgerOf(feed.writerId)).toEqual([{ purpose: "draft", model: "keyed-test-model", inputTokens: null, outputTokens: null, costMicros: null, ok: false }]);
  });

  it("refuses every call once the writer's budget is spent: drafting stops and nothing is spent", async () => {
    const feed = await feedOf(3);
    await setWriterLlmBudget({ writerId: feed.writerId, dailyDollars: 0.0002, monthlyDollars: null }, admin);
    await t.db.llmCall.create({ data: { writerId: feed.writerId, provider: "xai", model: "grok-4", purpose: "draft", inputTokens: 10, outputTokens: 10, costMicros: 200, ok: true } });
    const model = keyedProvider(() => noteReply());

    const run = await runDrafting(t.db, meteredProvider(model), { feed, concurrency: 1 });

    expect(model.calls).toBe(0);
    expect(run.counts).toMatchObject({ drafted: 0, failed: 3 });
    expect(run.errors[0]?.message).toMatch(/has spent \$0\.0002 of its daily LLM budget of \$0\.0002\. Drafting is paused until 00:00 UTC/);
    expect(await t.db.llmCall.count({ where: { writerId: feed.writerId } })).toBe(1);
  });

  it("refuses a model without a price while a budget applies: its spending could not be counted", async () => {
    const feed = await feedOf(1);
    await setWriterLlmBudget({ writerId: feed.writerId, dailyDollars: null, monthlyDollars: 50 }, admin);
    const unpriced = { ...keyedProvider(() => noteReply()), model: "mystery-model" };
    const run = await runDrafting(t.db, meteredProvider(unpriced), { feed, concurrency: 1 });
    expect(run.errors[0]?.message).toContain('The model "mystery-model" has no price');
  });
});

describe("attributeFromDrafts", () => {
  it("gives a revision to the writer of the draft whose suggestions it answers", async () => {
    const writer = await t.db.writer.create({ data: { name: "revising writer" } });
    const draft = await seedDraft(t.db, { writerId: writer.id });
    const suggestion = await t.db.suggestion.create({ data: { draftId: draft.id, authorId: admin.id, text: "Cite the agency." } });
    const task = { kind: "revise" as const, post: makePost({ id: draft.postId }), currentRevision: { text: "x https://a.org", classification: "not_misleading" as const, misleadingTags: [], trustworthySources: true }, suggestions: [{ id: suggestion.id, text: "Cite the agency." }] };
    expect(await attributeFromDrafts(task)).toEqual({ writerId: writer.id, purpose: "revise" });
  });

  it("leaves a call for a post nobody is drafting unattributed", async () => {
    expect(await attributeFromDrafts({ kind: "draft", post: makePost({ id: "42" }) })).toEqual({ writerId: null, purpose: "draft" });
  });
});
