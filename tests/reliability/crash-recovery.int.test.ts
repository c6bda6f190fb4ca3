import { afterAll, afterEach, describe, expect, it } from "vitest";

import PgBoss from "pg-boss";

import { syncEligiblePosts } from "@/lib/ingest/sync";
import { openJobQueue } from "@/lib/jobs/boss";
import { setJobQueue } from "@/lib/jobs/client";
import { enqueueSync } from "@/lib/jobs/enqueue";
import { eligibleFeedFrom } from "@/lib/jobs/x-feed";
import { scriptedGateDeps } from "@/lib/gates/test-support";
import { reconcileSubmission, recoverStuckSubmissions, STUCK_AFTER_MINUTES } from "@/lib/submission/reconcile";
import { createXClient } from "@/lib/x";
import { demoOAuth1, goodNoteText } from "@/lib/x/test-support";
import { demoCredentials, startXSimulator, type XSimulator } from "@/lib/x-simulator";
import { createTestDatabase } from "@/tests/support/db";
import { seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";

import type { SoakWorkerConfig } from "./soak/config";
import { killHard, runTsProcess, until } from "./support/processes";

/**
 * Issue #7, crash recovery: kill -9 the job worker in the middle of a pull, and a submitting process
 * in the middle of its call to X; after the restart the run is taken over or marked failed, the posts
 * are not doubled, and the submission ends with exactly one note. "Ten minutes later" and "two minutes
 * later" are made by ageing the rows' timestamps, which is all the recovery rules look at.
 */
const t = await createTestDatabase();
const queue = await openJobQueue(t.url, "client");
setJobQueue(queue);
let sim: XSimulator | null = null;
const processes: { kill: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) await p.kill();
  await sim?.stop();
  sim = null;
});
afterAll(async () => {
  setJobQueue(undefined);
  await queue.stop({ graceful: false });
  await t.drop();
});

function workerEnv(simUrl: string): Record<string, string> {
  return {
    DATABASE_URL: t.url,
    X_API_BASE_URL: simUrl,
    X_API_KEY: demoCredentials.app.consumerKey,
    X_API_KEY_SECRET: demoCredentials.app.consumerSecret,
    X_ACCESS_TOKEN: demoCredentials.writer.accessToken,
    X_ACCESS_TOKEN_SECRET: demoCredentials.writer.accessTokenSecret,
    LLM_PROVIDER: "offline",
    NODE_ENV: "production",
    AUTH_SECRET: "crash-recovery-test-secret-0123456789abcdef",
  };
}

function startWorker(simUrl: string) {
  const worker = runTsProcess("scripts/worker.ts", workerEnv(simUrl));
  processes.push({ kill: () => killHard(worker.child) });
  return worker;
}

const figures: string[] = [];
afterAll(() => console.log(`[crash] ${figures.join("\n[crash] ")}`));

describe("kill -9 mid-sync", () => {
  it("the dead pull keeps others off while its heartbeat is fresh; pg-boss retries it, the retry marks the dead run failed and finishes; nothing doubles", async () => {
    // Every second page is slow, so the kill lands between the first page and the second.
    sim = await startXSimulator({ port: 0, rateLimits: { requestsPerWindow: 100_000 }, faults: [{ route: "eligible_posts", fault: { kind: "latency", ms: 4_000 }, schedule: { kind: "every", n: 2 } }] });
    const writer = await t.db.writer.create({ data: { name: "crash writer", testMode: true, feedLang: "all" }, select: { id: true, testMode: true, feedSize: true, feedLang: true } });
    // No default schedules: only the pull this test asks for may run.
    await t.db.auditEvent.create({ data: { action: "schedule.update", subjectType: "schedule", subjectId: "jobs", after: { note: "crash test" } } });
    const feedSize = sim.control.posts(true).length;

    const first = startWorker(sim.url);
    const { jobId } = await enqueueSync(writer.id, null);
    const dying = await until("the first page of the pull to be stored", async () => {
      const run = await t.db.jobRun.findFirst({ where: { kind: "sync", writerId: writer.id, state: "running" }, select: { id: true } });
      return run && (await t.db.eligibility.count({ where: { writerId: writer.id } })) > 0 ? run : null;
    });
    await killHard(first.child);
    const stored = await t.db.eligibility.count({ where: { writerId: writer.id } });
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(feedSize);
    expect((await t.db.jobRun.findUniqueOrThrow({ where: { id: dying.id } })).state).toBe("running");
    expect(await jobState(jobId)).toBe("active");

    // Restarted at once. The dead run's heartbeat is fresh, so a pull right now (npm run sync, say) stands aside.
    startWorker(sim.url);
    const feed = eligibleFeedFrom(createXClient({ baseUrl: sim.url, auth: demoOAuth1 }));
    await expect(syncEligiblePosts(t.db, feed, { writer })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already in progress/) });

    // Fifteen minutes later: the job's expiry has passed and the heartbeat is long stale. pg-boss's
    // maintenance (any supervising instance) fails the dead job and queues its retry.
    await t.db.$executeRaw`UPDATE job_runs SET heartbeat_at = heartbeat_at - interval '16 minutes' WHERE id = ${dying.id}`;
    await t.db.$executeRaw`UPDATE pgboss.job SET started_on = started_on - interval '16 minutes' WHERE id = ${jobId}::uuid`;
    const supervisor = new PgBoss({ connectionString: t.url, schema: "pgboss", supervise: true, schedule: false, maintenanceIntervalSeconds: 1 });
    supervisor.on("error", () => {});
    await t.db.$executeRaw`UPDATE pgboss.version SET maintained_on = NULL`;
    await supervisor.start();
    try {
      await until("pg-boss to expire the dead job", async () => ((await jobState(jobId)) === "retry" ? true : null), 30_000);
    } finally {
      await supervisor.stop({ graceful: false });
    }
    // …and its retry delay (30 s) passes.
    await t.db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE id = ${jobId}::uuid`;

    const redone = await until("the retried pull to finish", () =>
      t.db.jobRun.findFirst({ where: { kind: "sync", writerId: writer.id, state: "succeeded" }, select: { id: true, counts: true } }), 60_000, 250);
    const dead = await t.db.jobRun.findUniqueOrThrow({ where: { id: dying.id }, select: { state: true, errors: true, finishedAt: true } });
    expect(dead.state).toBe("failed");
    expect(JSON.stringify(dead.errors)).toMatch(/stopped without finishing/);
    expect(dead.finishedAt).not.toBeNull();
    await until("the job to complete", async () => ((await jobState(jobId)) === "completed" ? true : null), 10_000);

    const eligible = await t.db.eligibility.count({ where: { writerId: writer.id } });
    const [distinct] = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT post_id) AS n FROM eligibility WHERE writer_id = ${writer.id}`;
    const [duplicatePosts] = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) - count(DISTINCT id) AS n FROM posts`;
    expect(eligible).toBe(feedSize);
    expect(Number(distinct?.n)).toBe(feedSize);
    expect(Number(duplicatePosts?.n)).toBe(0);
    expect(await t.db.jobRun.count({ where: { kind: "sync", writerId: writer.id, state: "running" } })).toBe(0);
    expect(await t.db.jobRun.count({ where: { kind: "sync", writerId: writer.id } })).toBe(2);
    figures.push(`mid-sync: worker killed after ${stored} of ${feedSize} posts; restarted; a pull meanwhile → "already in progress"; after the job's 15-min expiry pg-boss retried it, the retry marked the dead run failed and stored ${feedSize} posts once (counts ${JSON.stringify(redone.counts)})`);
  }, 180_000);
});

/** The simulator's one-shot create_note fault has fired: the dead process's call is at X. */
function callReachedX() {
  return until("the call to reach X", async () => sim?.control.snapshot().faults.length === 0, 10_000, 10);
}

async function jobState(id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await t.db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE id = ${id}::uuid`;
  return row?.state ?? null;
}

const here = "by recovery and reconcile, here";
const byWorker = "by the restarted worker's reconcile-submissions job";
const created = { kind: "latency", ms: 1_500 } as const;
const neverArrived = { kind: "timeout" } as const;

describe("kill -9 mid-submit", () => {
  it.each([
    ["X created the note after the process died", here, created, 1],
    ["the call never reached X's database", here, neverArrived, 2],
    ["X created the note after the process died", byWorker, created, 1],
  ] as const)("%s, settled %s: sending → needs_reconcile → reconcile → exactly one note", async (label, settle, fault, creates) => {
    sim = await startXSimulator({ port: 0, rateLimits: { requestsPerWindow: 100_000 }, faults: [{ route: "create_note", fault, schedule: { kind: "once" } }] });
    const writer = await seedWriter(t.db);
    const postId = sim.control.posts(true).find((p) => p.matchedMediaNotes.length === 0)?.id as string;
    const draft = await seedDraft(t.db, { writerId: writer.id, postId, note: validNote({ text: goodNoteText, misleadingTags: ["factual_error"] }) });
    const approver = await seedUser(t.db, `Crash Approver ${creates}`, "approver");

    const config: SoakWorkerConfig = {
      databaseUrl: t.url,
      simulatorUrl: sim.url,
      consumerKey: demoCredentials.app.consumerKey,
      consumerSecret: demoCredentials.app.consumerSecret,
      writers: { [writer.id]: { accessToken: demoCredentials.writer.accessToken, accessTokenSecret: demoCredentials.writer.accessTokenSecret } },
      actorId: approver.id,
      actorName: approver.name,
      seed: 1,
      timeoutMs: 30_000,
    };
    const submitter = runTsProcess("tests/reliability/soak/submit-worker.ts", { SOAK_WORKER_CONFIG: JSON.stringify(config) });
    processes.push({ kill: () => killHard(submitter.child) });
    const submission = await until("the send to be claimed", () => t.db.submission.findFirst({ where: { draftId: draft.id, state: "sending" }, select: { id: true } }), 60_000, 20);
    await callReachedX();
    await killHard(submitter.child);
    const leftBehind = await t.db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { state: true, attempts: true } });
    expect(leftBehind).toEqual({ state: "sending", attempts: 1 });
    expect((await t.db.draft.findUniqueOrThrow({ where: { id: draft.id } })).state).toBe("submitting");
    if (fault.kind === "latency") await until("X to finish the dead process's call", async () => sim!.control.notes().length === 1, 10_000);

    const ageTheSend = () => t.db.$executeRaw`UPDATE submissions SET updated_at = updated_at - make_interval(mins => ${STUCK_AFTER_MINUTES + 1}) WHERE id = ${submission.id}`;
    if (settle === here) {
      // Restart: recovery leaves a fresh send alone (its call could still be running)…
      expect(await recoverStuckSubmissions()).toEqual([]);
      // …and after the stuck threshold moves it to needs_reconcile, never back to pending.
      await ageTheSend();
      expect(await recoverStuckSubmissions()).toEqual([submission.id]);
      expect((await t.db.submission.findUniqueOrThrow({ where: { id: submission.id } })).state).toBe("needs_reconcile");
      const client = createXClient({ baseUrl: sim.url, auth: demoOAuth1 });
      await reconcileSubmission(submission.id, { sender: client, gates: scriptedGateDeps().deps }, approver);
    } else {
      // The job worker restarts; ten minutes on, its scheduled check runs.
      await ageTheSend();
      startWorker(sim.url);
      await queue.send("reconcile-submissions", { triggeredById: null });
    }
    const settled = await until("the submission to be settled", () =>
      t.db.submission.findFirst({ where: { id: submission.id, state: "succeeded" }, select: { xNoteId: true, attempts: true } }), 60_000, 250);

    const notes = sim.control.notes();
    expect(notes).toHaveLength(1);
    expect(settled).toEqual({ xNoteId: notes[0]?.id, attempts: creates });
    expect((await t.db.draft.findUniqueOrThrow({ where: { id: draft.id } })).state).toBe("submitted");
    const calls = sim.control.requests().filter((r) => r.route === "create_note").length;
    expect(calls).toBe(creates);
    figures.push(`mid-submit (${label}), settled ${settle}: left sending/submitting; after ${STUCK_AFTER_MINUTES} min → needs_reconcile → reconcile → succeeded; notes on X 1, POST /2/notes calls ${calls}`);
  }, 120_000);
});
