import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { meteredProvider } from "@/lib/costs/metered-provider";
import type { DraftingProvider } from "@/lib/drafting";
import { keyedProvider } from "@/lib/drafting/testing/keyed-provider";
import { DomainError } from "@/lib/errors";
import { fakePost, fixedFeed } from "@/lib/ingest/testing";
import type { SpendAttribution, VariantModel } from "@/lib/variants/models";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { openJobQueue, type JobQueue } from "../boss";
import type { JobContext } from "../context";
import type { DraftingSetup } from "../drafting-setup";
import { syncPostsJob } from "./sync-posts";

/** The pull job's triage pass (docs/triage.md, Wiring): the configured model, metered as the writer's "triage" spend. */

let t: TestDatabase;
let queue: JobQueue;
let writerId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  queue = await openJobQueue(t.url, "client");
});
afterAll(async () => {
  await queue.stop({ graceful: false });
  await t.drop();
});
beforeEach(async () => {
  await t.db.$executeRaw`TRUNCATE posts, eligibility, job_runs, writers, llm_calls CASCADE`;
  writerId = (await t.db.writer.create({ data: { name: "w" } })).id;
});

const posts = [
  fakePost("1001", { text: "NASA confirmed the asteroid will hit Earth next week." }),
  fakePost("1002", { text: "Official figures: 4,800 homes stand empty, the council confirmed." }),
];

/** A setup like the worker's: each model it hands out is metered with the attribution asked for. */
function setup(model: (asked: VariantModel) => DraftingProvider, asked: { model: VariantModel; spend?: SpendAttribution }[]): DraftingSetup {
  return {
    concurrency: 1,
    modelFor(variantModel, spend) {
      asked.push({ model: variantModel, spend });
      const provider = model(variantModel);
      return spend ? meteredProvider(provider, () => Promise.resolve(spend)) : provider;
    },
  };
}

function context(drafting: DraftingSetup): JobContext {
  return { db: t.db, queue, signal: new AbortController().signal, services: { eligibleFeed: () => fixedFeed(posts), drafting: () => drafting } };
}

const pull = (drafting: DraftingSetup) => syncPostsJob({ writerId, triggeredById: null, draftAfter: false }, context(drafting));
const storedModels = async () => (await t.db.post.findMany({ orderBy: { id: "asc" }, select: { triageModel: true } })).map((p) => p.triageModel);

describe("the pull job's triage", () => {
  it("asks the configured model, booked to the writer as triage, and stores its answers", async () => {
    const asked: { model: VariantModel; spend?: SpendAttribution }[] = [];
    const model = keyedProvider(() => JSON.stringify({ checkable: true, reason: "A dated, named claim." }));
    const output = await pull(setup(() => model, asked));

    expect(asked).toEqual([{ model: { provider: "env", model: null }, spend: { writerId, purpose: "triage" } }]);
    expect(output).toMatchObject({ counts: { new: 2, triaged: 2, modelAsked: 2, modelAnswered: 2 } });
    expect(await storedModels()).toEqual(["keyed-test-model", "keyed-test-model"]);
    const calls = await t.db.llmCall.findMany({ select: { writerId: true, purpose: true, model: true, ok: true } });
    expect(calls).toEqual([1, 2].map(() => ({ writerId, purpose: "triage", model: "keyed-test-model", ok: true })));
  });

  it("triages with the heuristics alone, and spends nothing, when the configured model is the offline drafter", async () => {
    const answers = keyedProvider(() => JSON.stringify({ checkable: false, reason: "x" }));
    const offline: DraftingProvider = { id: "offline", model: "offline", generate: (request) => answers.generate(request) };
    const output = await pull(setup(() => offline, []));

    expect(output).toMatchObject({ counts: { new: 2, triaged: 2 } });
    expect(output.counts).not.toHaveProperty("modelAsked");
    expect(answers.calls).toBe(0);
    expect(await storedModels()).toEqual([null, null]);
    expect(await t.db.llmCall.count()).toBe(0);
  });

  it("still pulls and triages when this server cannot reach the configured model", async () => {
    const unreachable: DraftingSetup = {
      concurrency: 1,
      modelFor: () => {
        throw new DomainError("blocked", "xAI is not configured on this server: set XAI_API_KEY.");
      },
    };
    expect(await pull(unreachable)).toMatchObject({ counts: { new: 2, triaged: 2 } });
    expect(await storedModels()).toEqual([null, null]);
  });
});
