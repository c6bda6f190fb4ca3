import { encodeCursor } from "../../lib/notes/filters";
import { statusMovesByDay } from "../../lib/notes/status-history";
import { createUser } from "../../lib/users/store";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { scratchDatabase, type ScratchDatabase } from "../lib/scratch-database";
import { ms, timeInTurns, type Timing } from "../lib/timing";
import { getPage, signIn, startProductionServer } from "../lib/web";
import { seedNotes } from "./seed";

/**
 * bench/notes: server time of the notes page on the production build (`next build` first) for a
 * writer with 10,000 notes × 20 snapshots, against the floor: /queue/shortcuts, a signed-in page of
 * the same layouts that reads nothing but the session. Goal: ≤ 3× the floor.
 *
 * The page's aggregates (charts, admission, writing limit) are kept per web process until the
 * writer's notes change (lib/notes/memo.ts), so the page is measured twice: as every visit after the
 * first sees it, and "after a refresh", with a snapshot added before each request so the aggregates
 * are computed again (the status history only over what was added, lib/notes/status-history.ts).
 */
const NOTES = 10_000;
const SNAPSHOTS = 20;
const ROUNDS = 40;
const COLD_ROUNDS = 15;
const VIEWER = { email: "bench-reviewer@notedesk.test", name: "Bench Reviewer", password: "bench-password-123" };

runMain(async () => {
  const scratch = await scratchDatabase("notes");
  let stopWeb = () => {};
  try {
    const writer = await scratch.db.writer.create({ data: { name: "bench writer" }, select: { id: true } });
    await createUser({ ...VIEWER, role: "reviewer" });
    const approvers = await Promise.all(
      [1, 2, 3].map((i) => scratch.db.user.create({ data: { email: `approver${i}@bench.test`, name: `Approver ${i}`, passwordHash: "-", role: "approver" }, select: { id: true } })),
    );
    const seeding = performance.now();
    await seedNotes(scratch.db, { writerId: writer.id, approverIds: approvers.map((a) => a.id), notes: NOTES, snapshots: SNAPSHOTS });
    const seedSeconds = (performance.now() - seeding) / 1000;
    // What a web process pays once, on its first view: the status history over every snapshot.
    const historyStarted = performance.now();
    await statusMovesByDay(writer.id);
    const fullHistoryMs = performance.now() - historyStarted;

    const web = await startProductionServer({ databaseUrl: scratch.url, xApi: {} });
    stopWeb = web.stop;
    const cookie = await signIn(web.url, VIEWER.email, VIEWER.password);
    const page = (path: string) => () => getPage(web.url, cookie, path);

    const warm = await timeInTurns(ROUNDS, {
      floor: page("/queue/shortcuts"),
      notes: page("/notes"),
      notesAllTime: page("/notes?range=all"),
      deep: page(`/notes?after=${await cursorAt(scratch, 5_000)}`),
      filtered: page("/notes?mode=production&status=currently_rated_helpful&origin=edited"),
      detail: page(`/notes/${await noteAt(scratch, 100)}`),
      reviewers: page("/notes/reviewers"),
    });
    const afterRefresh = await timeInTurns(COLD_ROUNDS, {
      floor: page("/queue/shortcuts"),
      cold: async () => {
        await touchNotes(scratch, writer.id);
        await getPage(web.url, cookie, "/notes");
      },
    });

    report({ ...warm, cold: afterRefresh.cold, coldFloor: afterRefresh.floor, seedSeconds, fullHistoryMs });
  } finally {
    stopWeb();
    await scratch.drop();
  }
});

/** What a refresh that changed something does to the data version: a new snapshot. */
async function touchNotes(scratch: ScratchDatabase, writerId: string): Promise<void> {
  await scratch.db.$executeRaw`
    INSERT INTO note_snapshots (note_id, status)
    SELECT id, status FROM written_notes WHERE writer_id = ${writerId} ORDER BY id LIMIT 1`;
}

async function noteAt(scratch: ScratchDatabase, offset: number): Promise<string> {
  const [row] = await scratch.db.$queryRaw<{ id: string }[]>`SELECT id FROM written_notes ORDER BY first_seen_at DESC, id DESC OFFSET ${offset} LIMIT 1`;
  if (!row) throw new Error("the seed has fewer notes than expected");
  return row.id;
}

/** The cursor of the table's page starting after row `offset` (newest first). */
async function cursorAt(scratch: ScratchDatabase, offset: number): Promise<string> {
  const [row] = await scratch.db.$queryRaw<{ id: string; at: Date }[]>`
    SELECT id, first_seen_at AS at FROM written_notes ORDER BY first_seen_at DESC, id DESC OFFSET ${offset} LIMIT 1`;
  if (!row) throw new Error("the seed has fewer notes than expected");
  return encodeCursor(row.at, row.id);
}

type Results = Record<"floor" | "notes" | "notesAllTime" | "deep" | "filtered" | "detail" | "reviewers" | "cold" | "coldFloor", Timing> & { seedSeconds: number; fullHistoryMs: number };

function report(r: Results) {
  const ratio = (t: Timing, floor = r.floor) => t.median / floor.median;
  const row = (label: string, t: Timing, floor?: Timing) => [label, t.n, ms(t.median), ms(t.p95), floor ? `${ratio(t, floor).toFixed(2)}×` : "—"];
  const table = markdownTable(
    ["request", "n", "median (ms)", "p95 (ms)", "÷ floor"],
    [
      row("floor: GET /queue/shortcuts (session + layouts only)", r.floor),
      row("GET /notes (default: 90 days, first page)", r.notes, r.floor),
      row("GET /notes?range=all", r.notesAllTime, r.floor),
      row("GET /notes, page starting at row 5,000", r.deep, r.floor),
      row("GET /notes, filtered (production, CRH, edited)", r.filtered, r.floor),
      row("GET /notes/[id] (detail with timeline and draft history)", r.detail, r.floor),
      row("GET /notes/reviewers (90 days)", r.reviewers, r.floor),
      row("GET /notes after a refresh (aggregates recomputed)", r.cold, r.coldFloor),
    ],
  );
  const goal = ratio(r.notes);
  const verdict = [
    `Notes page ÷ floor: **${goal.toFixed(2)}×** (goal ≤ 3×: ${goal <= 3 ? "met" : "NOT met"}).`,
    `Right after a refresh, the first view recomputes the aggregates in SQL, the status history only over the snapshots the refresh added: **${ratio(r.cold, r.coldFloor).toFixed(2)}×**; later views reuse them until the notes change again.`,
    `Once per web process, the first view reads the status history of all ${(NOTES * SNAPSHOTS).toLocaleString("en")} snapshots: ${ms(r.fullHistoryMs)} ms.`,
  ].join(" ");
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Notes page",
    `\`npm run bench:notes\` (after \`next build\`): ${NOTES.toLocaleString("en")} written notes × ${SNAPSHOTS} snapshots (half production, 30% sent from Notedesk with drafts, edits and approvals; seeded in ${r.seedSeconds.toFixed(1)} s) on the production build. Requests run in rounds, one of each kind per round after 5 warm-up rounds, so the floor and the pages share the machine's load. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
}
