import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

import { createUser } from "../../lib/users/store";
import { goodNoteText } from "../../lib/x/test-support";
import { demoCredentials, startXSimulator } from "../../lib/x-simulator";
import { runMain, ScriptError } from "../../scripts/lib/main";
import { scratchDatabase } from "../../bench/lib/scratch-database";
import { actionId, signIn } from "../../bench/lib/web";
import { freePort } from "../support/test-server";
import { waitForHttp } from "../../scripts/lib/wait-for-http";
import { openJobQueue } from "../../lib/jobs/boss";
import { seedDraft, seedWriter, validNote } from "../support/fixtures/review";
import { killHard, runTsProcess, until } from "./support/processes";

/**
 * `npm run crash:web` (issue #7, crash recovery, the web server's part; needs `next build`): the
 * production server is killed with SIGKILL
 *   1. in the middle of approve-and-submit, after it claimed the send and while X is creating the
 *      note, and
 *   2. in the middle of a "Refresh now" of the notes, which runs inside the web process;
 * then restarted, with a job worker beside it. Checked: the submission ends succeeded with exactly
 * one note on X (the worker's reconcile-submissions job recovers and reconciles it), and the dead
 * refresh run is marked failed by the next refresh, which completes. "Ten minutes later" (stuck
 * send) and "two minutes later" (stale heartbeat) are made by ageing the rows' timestamps.
 */
const APPROVER = { email: "crash-approver@notedesk.test", name: "Crash Approver", password: "crash-password-123" };

runMain(async () => {
  if (!existsSync(".next/BUILD_ID")) throw new ScriptError("No production build: run `npm run build` first.");
  const scratch = await scratchDatabase("crashweb");
  const sim = await startXSimulator({
    port: 0,
    rateLimits: { requestsPerWindow: 100_000 },
    faults: [
      { route: "create_note", fault: { kind: "latency", ms: 3_000 }, schedule: { kind: "once" } },
      { route: "notes_written", fault: { kind: "latency", ms: 3_000 }, schedule: { kind: "every", n: 1 } },
    ],
  });
  const xApi = {
    X_API_BASE_URL: sim.url,
    X_API_KEY: demoCredentials.app.consumerKey,
    X_API_KEY_SECRET: demoCredentials.app.consumerSecret,
    X_ACCESS_TOKEN: demoCredentials.writer.accessToken,
    X_ACCESS_TOKEN_SECRET: demoCredentials.writer.accessTokenSecret,
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...xApi, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: scratch.url, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: url, LLM_PROVIDER: "offline" };
  const startWeb = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForHttp(`${url}/signin`, 60_000);
    return child;
  };
  const lines: string[] = [];
  const report = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const writer = await seedWriter(scratch.db);
    await createUser({ ...APPROVER, role: "approver" });
    // No default schedules: the drill queues the one check it wants.
    await scratch.db.auditEvent.create({ data: { action: "schedule.update", subjectType: "schedule", subjectId: "jobs", after: { note: "crash drill" } } });
    const postId = sim.control.posts(true).find((p) => p.matchedMediaNotes.length === 0)?.id as string;
    const draft = await seedDraft(scratch.db, { writerId: writer.id, postId, note: validNote({ text: goodNoteText, misleadingTags: ["factual_error"] }) });

    // 1. Mid-submit.
    let web = await startWeb();
    cleanup.push(() => killHard(web));
    const cookie = await signIn(url, APPROVER.email, APPROVER.password);
    const approveId = actionId("app/(app)/queue/actions.ts", "approveAndSubmitAction");
    void fetch(url + "/queue", {
      method: "POST",
      headers: { "next-action": approveId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: url, cookie },
      body: JSON.stringify([{ draftId: draft.id, expectedVersion: draft.version }]),
    }).catch(() => "the server died, as planned");
    const submission = await until("the web server to claim the send", () => scratch.db.submission.findFirst({ where: { draftId: draft.id, state: "sending" }, select: { id: true } }), 30_000, 20);
    await until("its call to reach X", async () => !sim.control.snapshot().faults.some((f) => f.rule.route === "create_note"), 10_000, 10);
    await killHard(web);
    const left = await scratch.db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { state: true } });
    await until("X to create the note the dead server asked for", async () => sim.control.notes().length === 1, 10_000);
    report(`mid-submit: web server SIGKILLed while X was creating the note; submission left "${left.state}", draft "${(await scratch.db.draft.findUniqueOrThrow({ where: { id: draft.id } })).state}"`);

    web = await startWeb();
    const worker = runTsProcess("scripts/worker.ts", { ...xApi, DATABASE_URL: scratch.url, LLM_PROVIDER: "offline", NODE_ENV: "production", AUTH_SECRET: "crash-drill-secret-0123456789abcdef0123" });
    cleanup.push(() => killHard(worker.child));
    await scratch.db.$executeRaw`UPDATE submissions SET updated_at = updated_at - interval '11 minutes' WHERE id = ${submission.id}`;
    const queue = await openJobQueue(scratch.url, "client");
    cleanup.push(() => queue.stop({ graceful: false }));
    await queue.send("reconcile-submissions", { triggeredById: null });
    const settled = await until("the worker's check to settle it", () => scratch.db.submission.findFirst({ where: { id: submission.id, state: "succeeded" }, select: { xNoteId: true, attempts: true } }), 60_000, 250);
    const notes = sim.control.notes();
    const creates = sim.control.requests().filter((r) => r.route === "create_note").length;
    if (notes.length !== 1 || settled.xNoteId !== notes[0]?.id || creates !== 1) throw new ScriptError(`mid-submit: ${notes.length} notes, ${creates} create calls, recorded ${settled.xNoteId}`);
    report(`  after restart: the worker's reconcile-submissions job → needs_reconcile → found on X → succeeded as note ${settled.xNoteId}; notes on X ${notes.length}, POST /2/notes calls ${creates}, attempts ${settled.attempts}`);

    // 2. Mid-refresh ("Refresh now" runs in the web process; notes_written answers slowly).
    const refreshId = actionId("app/(app)/notes/actions.ts", "refreshNotesAction");
    void fetch(url + "/notes", {
      method: "POST",
      headers: { "next-action": refreshId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: url, cookie },
      body: JSON.stringify([{ writerId: writer.id }]),
    }).catch(() => "the server died, as planned");
    const dying = await until("the refresh run to start", () => scratch.db.jobRun.findFirst({ where: { kind: "notes_refresh", state: "running" }, select: { id: true } }), 30_000, 20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await killHard(web);
    report(`mid-refresh: web server SIGKILLed during "Refresh now"; run ${dying.id} left "${(await scratch.db.jobRun.findUniqueOrThrow({ where: { id: dying.id } })).state}"`);
    web = await startWeb();
    const busy = await fetchAction(url, cookie, refreshId, { writerId: writer.id });
    if (!busy.includes("already in progress")) throw new ScriptError(`a refresh right after the restart should find the dead run still fresh: ${busy.slice(0, 200)}`);
    await scratch.db.$executeRaw`UPDATE job_runs SET heartbeat_at = heartbeat_at - interval '3 minutes' WHERE id = ${dying.id}`;
    sim.control.clearFaults();
    const again = await fetchAction(url, cookie, refreshId, { writerId: writer.id });
    const dead = await scratch.db.jobRun.findUniqueOrThrow({ where: { id: dying.id }, select: { state: true } });
    const runs = await scratch.db.jobRun.groupBy({ by: ["state"], where: { kind: "notes_refresh" }, _count: true });
    const written = await scratch.db.writtenNote.count();
    if (dead.state !== "failed" || !again.includes('"ok":true') || written !== 1) throw new ScriptError(`mid-refresh: dead run ${dead.state}, refresh answered ${again.slice(0, 200)}, ${written} notes stored`);
    report(`  after restart: a refresh at once → "already in progress"; two minutes on, the next refresh marked the dead run failed and stored the writer's ${written} note once (runs ${runs.map((r) => `${r.state} ${r._count}`).join(", ")})`);
    report("crash:web: nothing lost, nothing doubled.");
    await killHard(web);
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => {});
    await sim.stop();
    await scratch.drop();
  }
});

async function fetchAction(url: string, cookie: string, id: string, input: unknown): Promise<string> {
  const response = await fetch(url + "/notes", {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: url, cookie },
    body: JSON.stringify([input]),
  });
  return response.text();
}
