import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DraftingProvider } from "@/lib/drafting";
import { numberedPosts, seedFeed } from "@/lib/drafting/testing/feed-fixture";
import { keyedProvider, noteReply, reviseReply } from "@/lib/drafting/testing/keyed-provider";
import type { EligibleFeed } from "@/lib/ingest/sync";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { openJobQueue, type JobQueue } from "./boss";
import type { DraftingSetup } from "./drafting-setup";
import { setJobQueue } from "./client";
import { enqueueDrafting, enqueueRevision, enqueueSync } from "./enqueue";
import { sendJob } from "./send";
import { startWorker, type RunningWorker } from "./worker";

// Checkable claims: the pull triages every post, and drafting leaves the ones triaged out alone.
const posts = numberedPosts(6, (i) => `Official figures: ${i + 2},400 homes stand empty in Port Alder, the council confirmed.`);
const feed: EligibleFeed = async function* () {
  yield posts.slice(0, 3);
  yield posts.slice(3);
};
const provider = keyedProvider((task) =>
  task.kind === "draft"
    ? noteReply()
    : reviseReply(
        task.suggestions.map((s) => s.id),
        { text: "The photo shows the 2019 flood, not today's: https://www.reuters.com/fact-check/flood-photo-2019 https://apnews.com/a", story: "STORY_CORRECTION" },
      ),
);
const triageAnswers = keyedProvider(() => JSON.stringify({ checkable: true, reason: "It states official figures." }));

/** The configured model in its two uses: it drafts and revises, and (asked as "triage") answers the pull's triage pass. */
function setup(drafting: DraftingProvider, concurrency: number): DraftingSetup {
  return { concurrency, modelFor: (_model, spend) => (spend?.purpose === "triage" ? triageAnswers : drafting) };
}

let t: TestDatabase;
let client: JobQueue;
let writerId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  client = await openJobQueue(t.url, "client");
  setJobQueue(client);
  writerId = (await t.db.writer.create({ data: { name: "Queue writer" } })).id;
  userId = (await t.db.user.create({ data: { email: "ops@example.org", name: "Ops", passwordHash: "-", role: "reviewer" } })).id;
});
afterAll(async () => {
  setJobQueue(undefined);
  await client.stop({ graceful: false });
  await t.drop();
});

function startTestWorker(drafting = setup(provider, 2)): Promise<RunningWorker> {
  return startWorker({
    databaseUrl: t.url,
    db: t.db,
    services: { eligibleFeed: () => feed, drafting: () => drafting },
    tuning: { pollingIntervalSeconds: 0.5 },
    seedSchedules: false,
    stopTimeoutMs: 5_000,
    log: () => {},
  });
}

async function waitFor<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("jobs through pg-boss", () => {
  it("queues one pull per writer and mode, and a worker runs it to a succeeded run", async () => {
    const first = await enqueueSync(writerId, userId);
    const second = await enqueueSync(writerId, userId);
    expect(first.jobId).toEqual(expect.any(String));
    expect(second.jobId).toBeNull(); // the first is still waiting: no pile-up

    const worker = await startTestWorker();
    try {
      const run = await waitFor(() => t.db.jobRun.findFirst({ where: { kind: "sync", state: { in: ["succeeded", "failed"] } } }), "the sync run");
      expect(run).toMatchObject({ state: "succeeded", writerId, testMode: true, triggeredById: userId });
      expect(run.counts).toEqual({ new: 6, updated: 0, skipped: 0, pages: 2, triaged: 6, triagedOut: 0, modelAsked: 6, modelAnswered: 6 });
      const job = await waitFor(() => client.getJobById("sync-posts", first.jobId!).then((j) => j?.state === "completed" && j), "the job to complete");
      expect(job.output).toMatchObject({ runId: run.id, draftingQueued: false });

      // Drafting, and a revision after a reviewer's suggestion, go through the same worker.
      await enqueueDrafting(writerId, userId);
      const draftRun = await waitFor(() => t.db.jobRun.findFirst({ where: { kind: "draft", state: "succeeded" } }), "the drafting run");
      expect(draftRun.counts).toMatchObject({ created: 6, drafted: 6 });
      const draft = await t.db.draft.findFirstOrThrow({ where: { writerId, state: "ready" } });
      await t.db.suggestion.create({ data: { draftId: draft.id, authorId: userId, text: "Name the flood." } });
      await enqueueRevision(draft.id, userId);
      await waitFor(() => t.db.suggestion.findFirst({ where: { draftId: draft.id, disposition: "yes" } }), "the suggestion's answer");
      expect(await t.db.revision.count({ where: { draftId: draft.id } })).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it("fans a scheduled tick out to every writer, and drafts after the pull when asked", async () => {
    const other = await seedFeed(t.db, [], "Second writer");
    await sendJob(client, "sync-posts", { triggeredById: null, draftAfter: true });

    const worker = await startTestWorker();
    try {
      await waitFor(() => t.db.jobRun.findFirst({ where: { kind: "sync", writerId: other.writerId, state: "succeeded" } }), "the second writer's pull");
      const drafted = await waitFor(
        () => t.db.jobRun.findFirst({ where: { kind: "draft", writerId: other.writerId, state: "succeeded" } }),
        "drafting after the pull",
      );
      expect(drafted.counts).toMatchObject({ created: 6, drafted: 6 });
    } finally {
      await worker.stop();
    }
  });

  it("on stop, lets a drafting run hand back its unstarted drafts and end as cancelled", async () => {
    const feedOf = await seedFeed(t.db, numberedPosts(8).map((p) => ({ ...p, id: `7${p.id.slice(1)}` })), "Slow writer");
    const slow = keyedProvider(() => noteReply(), { latencyMs: 300 });
    const worker = await startTestWorker(setup(slow, 1));
    let stopped = false;
    try {
      await enqueueDrafting(feedOf.writerId, userId);
      await waitFor(async () => slow.calls > 0, "the first model call");
      await worker.stop();
      stopped = true;
      const run = await t.db.jobRun.findFirstOrThrow({ where: { kind: "draft", writerId: feedOf.writerId } });
      expect(run.state).toBe("cancelled");
      expect(await t.db.draft.count({ where: { writerId: feedOf.writerId, state: "drafting" } })).toBe(0);
      expect(await t.db.draft.count({ where: { writerId: feedOf.writerId, state: "new" } })).toBeGreaterThan(0);
    } finally {
      if (!stopped) await worker.stop();
    }
  });
});
