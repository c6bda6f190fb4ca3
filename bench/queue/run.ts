import { createUser } from "../../lib/users/store";
import { createXClient, type XClient } from "../../lib/x";
import { demoCredentials, startXSimulator } from "../../lib/x-simulator";
import { encodeCursor } from "../../lib/review/queue-sql";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { scratchDatabase } from "../lib/scratch-database";
import { seedDrafts, seedSubmittableDrafts } from "./seed";
import { ms, timeInTurns, type Timing } from "./timing";
import { actionId, callAction, getPage, signIn, startProductionServer } from "./web";

/**
 * bench/queue: server time of the review queue on the production build (`next build` first).
 * - The queue page (first page, default filters, with the per-state counts) at 1,000 and 100,000
 *   drafts, against the floor: /queue/shortcuts, a signed-in page of the same layouts that reads
 *   nothing but the session. Goals: ≤ 2× the floor, ≤ 1.2× from 1k to 100k.
 * - Approve-and-submit (approve, freeze, run the submit checks — link check and evaluate_note on the
 *   simulator — call X and record its answer) against the same action refused at its input check:
 *   the session and role work of any action, no more. Goal: ≤ 2×.
 */
const PAGE_REQUESTS = 60;
const SUBMISSIONS = 30;
const APPROVER = { email: "bench-approver@notedesk.test", name: "Bench Approver", password: "bench-password-123" };

runMain(async () => {
  const scratch = await scratchDatabase("queue");
  const sim = await startXSimulator({ port: 0, rateLimits: { requestsPerWindow: 100_000 } });
  let stopWeb = () => {};
  try {
    const writer = await scratch.db.writer.create({ data: { name: "bench writer" }, select: { id: true } });
    await createUser({ ...APPROVER, role: "approver" });
    await seedDrafts(scratch.db, writer.id, 1, 1_000);

    const web = await startProductionServer({
      databaseUrl: scratch.url,
      xApi: {
        X_API_BASE_URL: sim.url,
        X_API_KEY: demoCredentials.app.consumerKey,
        X_API_KEY_SECRET: demoCredentials.app.consumerSecret,
        X_ACCESS_TOKEN: demoCredentials.writer.accessToken,
        X_ACCESS_TOKEN_SECRET: demoCredentials.writer.accessTokenSecret,
      },
    });
    stopWeb = web.stop;
    const cookie = await signIn(web.url, APPROVER.email, APPROVER.password);
    const page = (path: string) => () => getPage(web.url, cookie, path);

    const at1k = await timeInTurns(PAGE_REQUESTS, { floor: page("/queue/shortcuts"), queue: page("/queue") });

    const seeding = performance.now();
    await seedDrafts(scratch.db, writer.id, 1_001, 100_000);
    const seedSeconds = (performance.now() - seeding) / 1000;
    const deep = await deepCursor(scratch.db);
    const at100k = await timeInTurns(PAGE_REQUESTS, { floor: page("/queue/shortcuts"), queue: page("/queue"), deep: page(`/queue?cursor=${deep}`) });

    const postIds = sim.control
      .posts(true)
      .filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"))
      .map((p) => p.id);
    const drafts = await seedSubmittableDrafts(scratch.db, writer.id, postIds.slice(0, SUBMISSIONS + 5));
    const approveId = actionId("app/(app)/queue/actions.ts", "approveAndSubmitAction");
    const client = simulatorClient(sim.url);
    const direct = postIds.slice(SUBMISSIONS + 5);
    const actions = await timeInTurns(SUBMISSIONS, {
      refused: async () => {
        const answer = await callAction(web.url, cookie, "/queue", approveId, { draftId: "", expectedVersion: 0 });
        if (!answer.includes('"code":"invalid"')) throw new Error(`expected an input refusal after the role check: ${answer.slice(0, 300)}`);
      },
      approve: async (i) => {
        const draft = drafts[i];
        if (!draft) throw new Error("not enough submittable drafts");
        const answer = await callAction(web.url, cookie, "/queue", approveId, { draftId: draft.id, expectedVersion: draft.version });
        if (!answer.includes('"state":"succeeded"')) throw new Error(`approve-and-submit did not succeed: ${answer.slice(0, 300)}`);
      },
      xCall: (i) => createDirectly(client, direct[i], i),
    });

    report({
      floor: at100k.floor,
      queue1k: at1k.queue,
      floor1k: at1k.floor,
      queue100k: at100k.queue,
      queue100kDeep: at100k.deep,
      ...actions,
      seedSeconds,
      notes: sim.control.notes().length,
    });
  } finally {
    stopWeb();
    await sim.stop();
    await scratch.drop();
  }
});

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
  const [row] = await db.$queryRaw<{ id: string; readyAt: Date }[]>`
    SELECT id, ready_at AS "readyAt" FROM drafts WHERE state = 'ready' ORDER BY ready_at, id OFFSET 30000 LIMIT 1`;
  if (!row) throw new Error("the seed has fewer ready drafts than expected");
  return encodeCursor({ readyAt: row.readyAt, id: row.id });
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
      row("action floor: approveAndSubmit refused at input (session + role)", r.refused),
      row("approveAndSubmit: approve + freeze + checks + POST /2/notes + record", r.approve, r.refused),
      row("of which X: POST /2/notes to the simulator alone (lib/x client)", r.xCall),
    ],
  );
  const goal = (value: number, max: number) => `**${value.toFixed(2)}×** (goal ≤ ${max}×: ${value <= max ? "met" : "NOT met"})`;
  const verdict = [
    `Queue page ÷ floor at 100k: ${goal(ratio(r.queue100k, r.floor), 2)}.`,
    `Queue page 100k ÷ 1k: ${goal(ratio(r.queue100k, r.queue1k), 1.2)}; each ÷ its floor: ${goal(ratio(r.queue100k, r.floor) / ratio(r.queue1k, r.floor1k), 1.2)}.`,
    `Approve-and-submit ÷ action floor: ${goal(ratio(r.approve, r.refused), 2)}; without the X call itself: ${goal((r.approve.median - r.xCall.median) / r.refused.median, 2)}.`,
    "Per-state counts on the queue come from a cache at most 5 s old (app/(app)/queue/recent-counts.ts): the count reads every draft, the page itself only index probes.",
    `Seeding 99,000 drafts set-based took ${r.seedSeconds.toFixed(1)} s; the simulator holds ${r.notes} notes afterwards.`,
  ].join("\n");
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Queue",
    `\`npm run bench:queue\`: the production build (\`next build\` first) on a fresh database, one request at a time from the same machine after 5 warm-ups, the kinds compared taking turns so they share the machine's load; the X API is the simulator, in process. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
}
