import { reloadEnv } from "../../lib/config/env";
import { createDb, setDb } from "../../lib/db";
import { appGateDeps } from "../../lib/gates/evaluate";
import { encodeCursor } from "../../lib/review/queue-sql";
import { appNoteSender } from "../../lib/submission/sender";
import { createUser } from "../../lib/users/store";
import { createXClient, type XClient } from "../../lib/x";
import { demoCredentials, startXSimulator } from "../../lib/x-simulator";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { scratchDatabase } from "../lib/scratch-database";
import { medianPairedRatio, ms, timeInTurns, type Timing } from "../lib/timing";
import { actionId, callAction, getPage, signIn, simulatorEnv, startProductionServer } from "../lib/web";
import { approveBreakdown, type StepFigures } from "./breakdown";
import { seedDrafts, seedSubmittableDrafts } from "./seed";

/**
 * bench/queue: server time of the review queue on the production build (`next build` first).
 * - The queue page (first page, default filters, with the per-state counts) at 1,000 and 100,000
 *   drafts, against the floor: /queue/shortcuts, a signed-in page of the same layouts that reads
 *   nothing but the session. Goals: ≤ 2× the floor, ≤ 1.2× from 1k to 100k.
 * - Approve-and-submit as a person waits for it: the confirm dialog has fetched the request preview
 *   and the submit checks (its button stays disabled until they arrive), then the click runs
 *   approve, freeze, the checks again, the call to X and recording its answer. Against the same
 *   action, posted to the same page, refused at its input check: the session and role work of any
 *   action, no more, taking turns with it. Goal: ≤ 2×, judged by the median of the turns' own
 *   ratios (the ratio of the medians beside it). Also the click without the dialog first (an API-style call, where
 *   evaluate_note and the link check happen on the click), and where the time goes, step by step.
 */
const PAGE_REQUESTS = 60;
// A simulator's test feed has 118 posts without a note. The server's X (the first simulator) takes
// the clicks through the web server: 85 + 30 of them; a second one, with other posts, takes the calls
// made from this process: 30 + 20 + 20 (with the warm-up rounds).
const SUBMISSIONS = 80;
const COLD_SUBMISSIONS = 25;
const DIRECT_CALLS = 25;
const BREAKDOWN_SUBMISSIONS = 15;
/** timeInTurns' warm-up rounds use drafts too. */
const WARMUP = 5;
const APPROVER = { email: "bench-approver@notedesk.test", name: "Bench Approver", password: "bench-password-123" };

runMain(async () => {
  const scratch = await scratchDatabase("queue");
  const sim = await startXSimulator({ port: 0, rateLimits: { requestsPerWindow: 100_000 } });
  const inProcessSim = await startXSimulator({ port: 0, seed: 2, rateLimits: { requestsPerWindow: 100_000 } });
  let stopWeb = () => {};
  try {
    const writer = await scratch.db.writer.create({ data: { name: "bench writer" }, select: { id: true } });
    const approver = await createUser({ ...APPROVER, role: "approver" });
    await seedDrafts(scratch.db, writer.id, 1, 1_000);

    const xApi = simulatorEnv(sim.url);
    const web = await startProductionServer({ databaseUrl: scratch.url, xApi });
    stopWeb = web.stop;
    const cookie = await signIn(web.url, APPROVER.email, APPROVER.password);
    const page = (path: string) => () => getPage(web.url, cookie, path);

    const at1k = await timeInTurns(PAGE_REQUESTS, { floor: page("/queue/shortcuts"), queue: page("/queue") });

    const seeding = performance.now();
    await seedDrafts(scratch.db, writer.id, 1_001, 100_000);
    const seedSeconds = (performance.now() - seeding) / 1000;
    const deep = await deepCursor(scratch.db);
    const at100k = await timeInTurns(PAGE_REQUESTS, { floor: page("/queue/shortcuts"), queue: page("/queue"), deep: page(`/queue?cursor=${deep}`) });

    // X (the simulator) only takes notes on posts it offered: each measurement gets posts of its own.
    const take = postsWithoutNotes(sim);
    const takeInProcess = postsWithoutNotes(inProcessSim);
    const warmDrafts = await seedSubmittableDrafts(scratch.db, writer.id, take(SUBMISSIONS + WARMUP));
    const coldDrafts = await seedSubmittableDrafts(scratch.db, writer.id, take(COLD_SUBMISSIONS + WARMUP));
    const direct = takeInProcess(DIRECT_CALLS + WARMUP);
    const breakdownDrafts = await seedSubmittableDrafts(scratch.db, writer.id, takeInProcess(BREAKDOWN_SUBMISSIONS + WARMUP));
    const noWaitDrafts = await seedSubmittableDrafts(scratch.db, writer.id, takeInProcess(BREAKDOWN_SUBMISSIONS + WARMUP));

    const ids = {
      approve: actionId("app/(app)/queue/actions.ts", "approveAndSubmitAction"),
      preview: actionId("app/(app)/queue/actions.ts", "previewAction"),
      gates: actionId("lib/gates/actions.ts", "evaluateGatesAction"),
    };
    const onReviewPage = (draftId: string, id: string, input: unknown) => callAction(web.url, cookie, `/queue/${draftId}`, id, input);
    /** What the confirm dialog fetches when it opens (use-submit-checks), side by side. */
    const openDialog = ({ id: draftId, version }: { id: string; version: number }) =>
      Promise.all([onReviewPage(draftId, ids.preview, { draftId, expectedVersion: version }), onReviewPage(draftId, ids.gates, { draftId })]);
    const click = async (draft: { id: string; version: number } | undefined) => {
      if (!draft) throw new Error("not enough submittable drafts");
      const answer = await onReviewPage(draft.id, ids.approve, { draftId: draft.id, expectedVersion: draft.version });
      if (!answer.includes('"state":"succeeded"')) throw new Error(`approve-and-submit did not succeed: ${answer.slice(0, 300)}`);
    };
    const refused = (drafts: { id: string }[]) => async (i: number) => {
      const answer = await onReviewPage(drafts[i]?.id ?? "none", ids.approve, { draftId: "", expectedVersion: 0 });
      if (!answer.includes('"code":"invalid"')) throw new Error(`expected an input refusal after the role check: ${answer.slice(0, 300)}`);
    };
    const actions = await timeInTurns(SUBMISSIONS, {
      refused: refused(warmDrafts),
      approve: async (i) => {
        const draft = warmDrafts[i];
        if (draft) await openDialog(draft);
        const started = performance.now();
        await click(draft);
        return performance.now() - started;
      },
    });
    const cold = await timeInTurns(COLD_SUBMISSIONS, { refused: refused(coldDrafts), approve: (i) => click(coldDrafts[i]) });
    const client = simulatorClient(inProcessSim.url);
    const { xCall } = await timeInTurns(DIRECT_CALLS, { xCall: (i) => createDirectly(client, direct[i], i) });

    // The same call in this process, as the server action makes it, step by step.
    Object.assign(process.env, simulatorEnv(inProcessSim.url));
    reloadEnv();
    const breakdown = (drafts: { id: string; version: number }[]) => approveBreakdown({ drafts, actor: approver, sender: appNoteSender(), gates: appGateDeps, warmup: WARMUP });
    const steps = await breakdown(breakdownDrafts);
    // What waiting for the disk at each COMMIT costs: the same clicks on connections that don't wait
    // (synchronous_commit = off, which Notedesk itself never sets: a crash of the database could lose them).
    const noWait = createDb(withConnectionOptions(scratch.url, "-c synchronous_commit=off"));
    const usual = setDb(noWait);
    const stepsNoWait = await breakdown(noWaitDrafts).finally(async () => {
      setDb(usual);
      await noWait.$disconnect();
    });

    report({
      floor: at100k.floor,
      queue1k: at1k.queue,
      floor1k: at1k.floor,
      queue100k: at100k.queue,
      queue100kDeep: at100k.deep,
      ...actions,
      xCall,
      coldApprove: cold.approve,
      coldRefused: cold.refused,
      steps,
      stepsNoWait,
      seedSeconds,
      notes: sim.control.notes().length,
    });
  } finally {
    stopWeb();
    await sim.stop();
    await inProcessSim.stop();
    await scratch.drop();
  }
});

/** Draws posts of the simulator's test feed that have no note yet, each once. */
function postsWithoutNotes(simulator: Awaited<ReturnType<typeof startXSimulator>>): (n: number) => string[] {
  const feed = simulator.control
    .posts(true)
    .filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"))
    .map((p) => p.id);
  return (n) => {
    if (feed.length < n) throw new Error("the simulator's test feed has too few posts for this many submissions");
    return feed.splice(0, n);
  };
}

/** The X call alone, for the breakdown: the same POST /2/notes by lib/x's client from this process. */
function simulatorClient(simUrl: string): XClient {
  const { writer, app } = demoCredentials;
  return createXClient({
    baseUrl: simUrl,
    auth: { kind: "oauth1", consumerKey: app.consumerKey, consumerSecret: app.consumerSecret, accessToken: writer.accessToken, accessTokenSecret: writer.accessTokenSecret },
  });
}

async function createDirectly(client: XClient, postId: string | undefined, i: number): Promise<void> {
  if (!postId) throw new Error("not enough simulator posts");
  const outcome = await client.createNote({
    testMode: true,
    postId,
    text: `Direct call ${i}: the agency's report says otherwise. https://example.org/direct/${i}`,
    classification: "misinformed_or_potentially_misleading",
    misleadingTags: ["missing_important_context"],
    trustworthySources: true,
  });
  if (outcome.kind !== "created") throw new Error(`direct create: ${outcome.kind}`);
}

/** A cursor halfway down the ready queue: keyset pages cost the same there as at the top. */
async function deepCursor(db: Awaited<ReturnType<typeof scratchDatabase>>["db"]): Promise<string> {
  // In the queue's default order (triage priority, drafts of untriaged posts first: lib/review/queue-sql.ts).
  const [row] = await db.$queryRaw<{ id: string; priorityKey: number | null }[]>`
    SELECT id, priority_key AS "priorityKey" FROM drafts WHERE state = 'ready' ORDER BY priority_key DESC NULLS FIRST, id DESC OFFSET 30000 LIMIT 1`;
  if (!row) throw new Error("the seed has fewer ready drafts than expected");
  return encodeCursor({ value: row.priorityKey, id: row.id });
}

function report(r: {
  floor: Timing;
  floor1k: Timing;
  queue1k: Timing;
  queue100k: Timing;
  queue100kDeep: Timing;
  approve: Timing;
  refused: Timing;
  xCall: Timing;
  coldApprove: Timing;
  coldRefused: Timing;
  steps: StepFigures[];
  stepsNoWait: StepFigures[];
  seedSeconds: number;
  notes: number;
}) {
  const ratio = (a: Timing, b: Timing) => a.median / b.median;
  const row = (label: string, t: Timing, base?: Timing) => [label, t.n, ms(t.median), ms(t.p95), base ? `${ratio(t, base).toFixed(2)}×` : "—"];
  const table = markdownTable(
    ["request", "n", "median (ms)", "p95 (ms)", "÷ floor"],
    [
      row("floor at 1,000 drafts: GET /queue/shortcuts (session + layouts only)", r.floor1k),
      row("GET /queue, 1,000 drafts", r.queue1k, r.floor1k),
      row("floor at 100,000 drafts", r.floor),
      row("GET /queue, 100,000 drafts", r.queue100k, r.floor),
      row("GET /queue, 100,000 drafts, page at row 30,000", r.queue100kDeep, r.floor),
      row("action floor: approveAndSubmit on the review page, refused at input (session + role)", r.refused),
      row("approveAndSubmit, the click after the confirm dialog's checks: approve + freeze + checks + POST /2/notes + record", r.approve, r.refused),
      row("of which X: POST /2/notes to the simulator alone (lib/x client)", r.xCall),
      row("action floor, measured beside the next row", r.coldRefused),
      row("approveAndSubmit without the dialog first (evaluate_note and the link check on the click)", r.coldApprove, r.coldRefused),
    ],
  );
  const stepTotal = r.steps.reduce((sum, s) => sum + s.time.median, 0);
  const noWaitOf = (step: StepFigures["step"]) => r.stepsNoWait.find((s) => s.step === step)?.time.median ?? 0;
  const steps = markdownTable(
    ["step (in process, the bench's own Node)", "median (ms)", "SQL statements", "share", "median (ms) if COMMIT did not wait for the disk"],
    [
      ...r.steps.map((s) => [s.step, ms(s.time.median), s.statements, `${Math.round((100 * s.time.median) / stepTotal)}%`, ms(noWaitOf(s.step))]),
      ["sum of the medians", ms(stepTotal), r.steps.reduce((sum, s) => sum + s.statements, 0), "100%", ms(r.stepsNoWait.reduce((sum, s) => sum + s.time.median, 0))],
    ],
  );
  const goal = (value: number, max: number) => `**${value.toFixed(2)}×** (goal ≤ ${max}×: ${value <= max ? "met" : "NOT met"})`;
  const verdict = [
    `Queue page ÷ floor at 100k: ${goal(ratio(r.queue100k, r.floor), 2)}.`,
    `Queue page 100k ÷ 1k: ${goal(ratio(r.queue100k, r.queue1k), 1.2)}; each ÷ its floor: ${goal(ratio(r.queue100k, r.floor) / ratio(r.queue1k, r.floor1k), 1.2)}.`,
    // Judged, as bench/triage is, by the median of each turn's own ratio: the click and its floor are
    // taken moments apart, so the load that drifts over a run weighs on both sides of every ratio.
    `Approve-and-submit ÷ action floor: ${goal(medianPairedRatio(r.approve, r.refused), 2)}, the median of the ${r.approve.n} turns' own ratios (each click beside its floor); ${ratio(r.approve, r.refused).toFixed(2)}× as a ratio of the medians; without the X call itself: ${((r.approve.median - r.xCall.median) / r.refused.median).toFixed(2)}× of the medians; without the dialog first: ${medianPairedRatio(r.coldApprove, r.coldRefused).toFixed(2)}× (${ratio(r.coldApprove, r.coldRefused).toFixed(2)}× of the medians).`,
    "Per-state counts on the queue come from a cache at most 5 s old (lib/review/recent-counts.ts): the count reads every draft, the page itself only index probes.",
    `Seeding 99,000 drafts set-based took ${r.seedSeconds.toFixed(1)} s; the simulator holds ${r.notes} notes afterwards.`,
  ].join("\n");
  const where = `Where the click's time goes (${r.steps[0]?.time.n ?? 0} clicks after the dialog's checks, in the bench process, which also runs the simulator; statements counted at the pg driver, BEGIN and COMMIT included; docs/submission.md explains each step):`;
  console.log(`${table}\n\n${verdict}\n\n${where}\n\n${steps}`);
  writeBenchmarkSection(
    "Queue",
    `\`npm run bench:queue\`: the production build (\`next build\` first) on a fresh database, one request at a time from the same machine after 5 warm-ups, the kinds compared taking turns so they share the machine's load; the X API is the simulator, in process (a second one, with posts of its own, takes the calls this process makes itself). ${environmentLine()}\n\n${table}\n\n${verdict}\n\n${where}\n\n${steps}`,
  );
}

/** A connection string whose sessions start with these server settings (libpq's `options`). */
function withConnectionOptions(url: string, options: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", options);
  return parsed.toString();
}
