import { existsSync } from "node:fs";
import { parseArgs } from "node:util";

import autocannon from "autocannon";
import { z } from "zod";

import { createUser } from "../../lib/users/store";
import { startXSimulator } from "../../lib/x-simulator";
import { runMain, ScriptError } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { scratchDatabase } from "../lib/scratch-database";
import { seedNotes } from "../notes/seed";
import { seedDrafts } from "../queue/seed";
import { actionHeaders, actionId, signIn, simulatorEnv, startProductionServer } from "../lib/web";
import { seedApprovableDrafts } from "./seed";

/**
 * `npm run load` (issue #7): sustained concurrent traffic against the production build (`next build`
 * first) for 60 s — the queue page, the notes page, and the claim and approve-and-submit server
 * actions, each hammered by its own autocannon instance at the same time, signed in as an approver.
 * Goal: 0 errors. Prints throughput and latency percentiles per kind and writes docs/benchmarks.md.
 *
 *   npm run load -- --duration 60 --connections 4     (connections per kind)
 */
const APPROVER = { email: "load-approver@notedesk.test", name: "Load Approver", password: "load-password-123" };

type Kind = "queue" | "notes" | "claim" | "approve";
type Result = autocannon.Result & { internal: number; refused: number; submitted: number; xRefused: number };

runMain(async () => {
  const { values } = parseArgs({ options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "4" } } });
  const duration = z.coerce.number().int().positive().parse(values.duration);
  const connections = z.coerce.number().int().positive().parse(values.connections);
  if (!existsSync(".next/BUILD_ID")) throw new ScriptError("No production build: run `npm run build` first.");

  const scratch = await scratchDatabase("load");
  const sim = await startXSimulator({ port: 0, rateLimits: { requestsPerWindow: 1_000_000_000, notesPerDay: 1_000_000_000 } });
  let stopWeb = () => {};
  try {
    // The notes page reads the oldest writer: it gets a history; the queue writer a queue.
    const notesWriter = await scratch.db.writer.create({ data: { name: "load notes writer" }, select: { id: true } });
    const approver = await createUser({ ...APPROVER, role: "approver" });
    await seedNotes(scratch.db, { writerId: notesWriter.id, approverIds: [approver.id], notes: 2_000, snapshots: 10 });
    const queueWriter = await scratch.db.writer.create({ data: { name: "load queue writer" }, select: { id: true } });
    await seedDrafts(scratch.db, queueWriter.id, 1, 5_000);
    const claimable = (await scratch.db.draft.findMany({ where: { writerId: queueWriter.id, state: "ready" }, select: { id: true } })).map((d) => d.id);
    const feedPostIds = sim.control.posts(true).filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown")).map((p) => p.id);
    const approvable = await seedApprovableDrafts(scratch.db, { count: Math.max(2_000, duration * 60), writers: 40, feedPostIds });

    const web = await startProductionServer({ databaseUrl: scratch.url, xApi: simulatorEnv(sim.url) });
    stopWeb = web.stop;
    const cookie = await signIn(web.url, APPROVER.email, APPROVER.password);
    const claimId = actionId("app/(app)/queue/actions.ts", "claimAction");
    const approveId = actionId("app/(app)/queue/actions.ts", "approveAndSubmitAction");

    const page = (path: string): autocannon.Request => ({ method: "GET", path, headers: { cookie } });
    let nextClaim = 0;
    let nextApproval = 0;
    const action = (id: string, input: () => unknown): autocannon.Request => ({
      method: "POST",
      path: "/queue",
      headers: actionHeaders(web.url, cookie, id),
      setupRequest: (request) => ({ ...request, body: JSON.stringify([input()]) }),
    });
    const requestsOf: Record<Kind, autocannon.Request> = {
      queue: page("/queue"),
      notes: page("/notes"),
      claim: action(claimId, () => ({ draftId: claimable[nextClaim++ % claimable.length] })),
      approve: action(approveId, () => {
        const draftId = approvable[nextApproval++];
        if (!draftId) throw new ScriptError("ran out of drafts to approve: seed more");
        return { draftId, expectedVersion: 1 };
      }),
    };

    // A short warm-up of every kind (JIT, connection pools), then all four at once.
    await Promise.all((Object.keys(requestsOf) as Kind[]).map((kind) => hammer(web.url, requestsOf[kind], 1, 3)));
    const startedAt = new Date();
    const kinds = Object.keys(requestsOf) as Kind[];
    const results = await Promise.all(kinds.map((kind) => hammer(web.url, requestsOf[kind], connections, duration)));
    const byKind = Object.fromEntries(kinds.map((kind, i) => [kind, results[i] as Result])) as Record<Kind, Result>;
    // Let the requests still in flight when autocannon stopped finish before the server goes.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const states = await scratch.db.submission.groupBy({ by: ["state"], where: { draftId: { startsWith: "load-d" } }, _count: true });
    report(byKind, { duration, connections, startedAt, approvals: nextApproval, seeded: approvable.length, submissions: Object.fromEntries(states.map((s) => [s.state, s._count])) });
  } finally {
    stopWeb();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await sim.stop();
    await scratch.drop();
  }
});

/** One autocannon instance; also reads action answers, which are 200s even when the action failed. */
function hammer(url: string, request: autocannon.Request, connections: number, duration: number): Promise<Result> {
  const tally = { internal: 0, refused: 0, submitted: 0, xRefused: 0 };
  const instance = autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        ...request,
        onResponse: (status: number, body: string) => {
          if (status !== 200 || request.method !== "POST") return;
          if (body.includes('"code":"internal"')) tally.internal += 1;
          else if (body.includes('"ok":false')) tally.refused += 1;
          if (body.includes('"state":"succeeded"')) tally.submitted += 1;
          if (body.includes("X refused the note")) tally.xRefused += 1;
        },
      },
    ],
  });
  return new Promise((resolve, reject) => {
    instance.on("done", (result) => resolve({ ...result, ...tally }));
    instance.on("error", reject);
  });
}

function report(r: Record<"queue" | "notes" | "claim" | "approve", Result>, run: { duration: number; connections: number; startedAt: Date; approvals: number; seeded: number; submissions: Record<string, number> }) {
  const labels = { queue: "GET /queue", notes: "GET /notes", claim: "claim action (queue.claim)", approve: "approve-and-submit action" };
  const rows = (Object.keys(labels) as (keyof typeof labels)[]).map((kind) => {
    const x = r[kind];
    return [labels[kind], x.requests.total, x.requests.average.toFixed(1), x.latency.p50, x.latency.p90, x.latency.p99, x.latency.max, x.errors, x.timeouts, x.non2xx, x.internal];
  });
  const all = Object.values(r);
  const total = (f: (x: Result) => number) => all.reduce((sum, x) => sum + f(x), 0);
  const table = markdownTable(["kind", "requests", "req/s", "p50 (ms)", "p90 (ms)", "p99 (ms)", "max (ms)", "errors", "timeouts", "non-2xx", "internal"], rows);
  const errors = total((x) => x.errors + x.timeouts + x.non2xx + x.internal);
  const verdict = [
    `All four kinds at once, ${run.connections} connections each, ${run.duration} s: **${total((x) => x.requests.total)} requests, ${(total((x) => x.requests.total) / run.duration).toFixed(1)} req/s**; errors (connection errors + timeouts + non-2xx + actions answering "internal"): **${errors}** (goal 0: ${errors === 0 ? "met" : "NOT met"}).`,
    `Drafts approved (warm-up included): ${run.approvals}; their submissions by state: ${Object.entries(run.submissions).map(([state, n]) => `${state} ${n}`).join(", ")}. X (the simulator) creates the notes of the first drafts, whose posts are in its test feed (~120 posts), and refuses later ones as not eligible: a normal answer, recorded as failed. Actions answering a refusal (a rule, or another's claim): ${r.claim.refused + r.approve.refused}.`,
    "Every request is served by one Next.js process (single-threaded) on a 2-core machine that also runs PostgreSQL, the simulator and autocannon: a page costs tens of milliseconds of CPU (bench:queue), so a few dozen requests a second saturate it and latency is mostly waiting in line. An approval here does several pages' worth of work: these requests skip the confirm dialog, so the click itself asks evaluate_note and the link checker, then runs its 15 SQL statements in five round trips and the POST to X (docs/submission.md), hence its rate.",
  ].join("\n");
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Load",
    `\`npm run load\`: the production build on a fresh database (5,000 drafts in the queue, 2,000 notes × 10 snapshots, ${run.seeded} approvable drafts over 40 writers), signed in as an approver; autocannon 8, one instance per kind running at the same time, the X API the simulator in process. Started ${run.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
}
