import type { DbClient } from "../../lib/db";
import { syncEligiblePosts, type EligibleFeed } from "../../lib/ingest/sync";
import { upsertPosts } from "../../lib/ingest/upsert-posts";
import type { NormalizedPost } from "../../lib/posts/post";
import { finishRun, reportProgress, startExclusiveRun } from "../../lib/runs/store";
import { triagePost, type TriageAssessment } from "../../lib/triage";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { withCpuTime } from "../lib/cpu-time";
import { PAGE, pages, scaleTo, simulatorPosts } from "../lib/sample-posts";
import { scratchDatabase } from "../lib/scratch-database";

/**
 * bench/triage: what triage adds to ingestion on the offline path (heuristics, no model). The same
 * 10,000 posts go through the sync run, which triages every new post, and through plain ingestion:
 * the run without triage (a run record, then per page the same one-statement upsert of the posts
 * and their eligibility, with no assessments). Each measurement gets a fresh database; the paths take
 * turns over several rounds so that load on a shared machine hits them alike, and each round's ratio to
 * plain ingestion is taken (its paths ran back to back, under one load), then their median, of wall
 * time and of CPU time (Node and PostgreSQL), which the machine's load disturbs less.
 * The sync run is measured twice: as a full scan, which reads ahead, and as a pull that may stop (below).
 * Goal: triage adds ≤ 20% to ingest time.
 */
const POSTS = 10_000;
const ROUNDS = 7;

type Writer = { id: string; testMode: boolean; feedSize: string; feedLang: string };
type Ingest = (db: DbClient, writer: Writer, posts: NormalizedPost[]) => Promise<void>;

/**
 * The sync run. A full scan reads every page whatever it holds, so it reads and assesses the next page
 * while this one is written; a pull that may stop at any page does not read ahead (on a fresh database
 * it reads every page too, as each holds new posts), so its assessing costs wall time.
 */
const withTriage =
  (fullScan: boolean): Ingest =>
  async (db, writer, posts) => {
    const feed: EligibleFeed = async function* () {
      yield* pages(posts);
    };
    const result = await syncEligiblePosts(db, feed, { writer, fullScan, maxPages: 1_000 });
    if (result.triage.triaged !== posts.length) throw new Error(`triage assessed ${result.triage.triaged} of ${posts.length} posts`);
  };

/**
 * The sync run's own steps, triage left out: its run record, one statement per page, progress twice
 * a second. Given `assessed` (made before the clock starts), the statements store them too: what
 * carrying and storing triage costs, without the heuristics.
 */
const ingestOnly = (assessed?: ReadonlyMap<string, TriageAssessment>): Ingest => async (db, writer, posts) => {
  const run = await startExclusiveRun(db, { kind: "sync", writerId: writer.id, testMode: writer.testMode, triggeredById: null });
  const feed = { writerId: writer.id, testMode: writer.testMode, runId: run.id };
  const counts = { new: 0, updated: 0, skipped: 0, pages: 0 };
  let lastReport = Date.now();
  for (const page of pages(posts)) {
    const triage = assessed && new Map(page.map((post) => [post.id, assessed.get(post.id)!]));
    const upserted = await upsertPosts(db, page, triage, { feed, seenAt: new Date() });
    counts.new += upserted.new;
    counts.pages += 1;
    if (Date.now() - lastReport >= 500) {
      lastReport = Date.now();
      await reportProgress(db, run.id, { progress: counts.new, counts });
    }
  }
  await finishRun(db, run.id, { state: "succeeded", counts, errors: [], progress: counts.new });
};

type Measured = { wall: number; cpu: number };

async function timeIngest(label: string, ingest: Ingest, posts: NormalizedPost[]): Promise<Measured> {
  const scratch = await scratchDatabase(`triage_${label}`);
  try {
    const writer = await scratch.db.writer.create({ data: { name: "bench" } });
    const { wallMs, cpu } = await withCpuTime(scratch.url, () => ingest(scratch.db, writer, posts));
    const stored = await scratch.db.post.count();
    if (stored !== posts.length) throw new Error(`${label} stored ${stored} of ${posts.length} posts`);
    return { wall: wallMs, cpu: cpu.node + (cpu.postgres ?? Number.NaN) };
  } finally {
    await scratch.drop();
  }
}

/** The heuristics and priority alone, in memory: the CPU part of what triage adds. */
function timeHeuristics(posts: NormalizedPost[]): { ms: number; out: number } {
  const seen = new Date();
  const started = performance.now();
  const out = posts.filter((post) => triagePost(post, seen).verdict === "out").length;
  return { ms: performance.now() - started, out };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

runMain(async () => {
  const posts = scaleTo(POSTS, await simulatorPosts());
  const seen = new Date();
  const plain = ingestOnly();
  const stored = ingestOnly(new Map(posts.map((post) => [post.id, triagePost(post, seen)])));
  // Warm every path once (JIT, regular expressions, catalog caches) on a small slice.
  await timeIngest("warm_plain", plain, posts.slice(0, 500));
  await timeIngest("warm_stored", stored, posts.slice(0, 500));
  await timeIngest("warm_triage", withTriage(true), posts.slice(0, 500));
  await timeIngest("warm_pull", withTriage(false), posts.slice(0, 500));
  timeHeuristics(posts.slice(0, 500));

  const plainRuns: Measured[] = [];
  const storedRuns: Measured[] = [];
  const triageRuns: Measured[] = [];
  const pullRuns: Measured[] = [];
  const paths = [
    { runs: plainRuns, label: "plain", ingest: plain },
    { runs: storedRuns, label: "stored", ingest: stored },
    { runs: triageRuns, label: "with", ingest: withTriage(true) },
    { runs: pullRuns, label: "pull", ingest: withTriage(false) },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate which goes first, so none always runs on a warmer (or busier) machine.
    for (let i = 0; i < paths.length; i++) {
      const path = paths[(round + i) % paths.length]!;
      path.runs.push(await timeIngest(path.label, path.ingest, posts));
    }
  }
  const heuristics = median(Array.from({ length: 5 }, () => timeHeuristics(posts).ms));
  const out = timeHeuristics(posts).out;

  const medians = (pick: (r: Measured) => number) => ({
    plain: median(plainRuns.map(pick)),
    stored: median(storedRuns.map(pick)),
    triage: median(triageRuns.map(pick)),
    pull: median(pullRuns.map(pick)),
  });
  const wall = medians((r) => r.wall);
  const cpu = medians((r) => r.cpu);
  // Each round's paths run back to back, so a round's ratio or difference sees one load: steadier than
  // comparing medians when the load swings.
  const added = (runs: Measured[], pick: (r: Measured) => number) => runs.map((r, i) => (pick(r) / pick(plainRuns[i]!) - 1) * 100);
  const percents = (values: number[]) => `${median(values).toFixed(1)}% (rounds ${Math.min(...values).toFixed(0)} to ${Math.max(...values).toFixed(0)}%)`;
  const beyond = (runs: Measured[], base: Measured[], pick: (r: Measured) => number) => median(runs.map((r, i) => pick(r) - pick(base[i]!))).toFixed(0);
  const overhead = median(added(triageRuns, (r) => r.wall));
  const rate = (ms: number) => ((POSTS / ms) * 1000).toFixed(0);
  const rounds = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");

  const table = markdownTable(
    ["path", "posts", `wall, median of ${ROUNDS} (ms)`, "posts/s", "CPU, Node + PostgreSQL (ms)", "wall of each round (ms)"],
    [
      ["plain ingestion (the sync run's steps without triage: run record, one upsert of posts + eligibility per page, progress)", POSTS, wall.plain.toFixed(0), rate(wall.plain), cpu.plain.toFixed(0), rounds(plainRuns.map((r) => r.wall))],
      ["the same, storing assessments made beforehand (triage's storage alone)", POSTS, wall.stored.toFixed(0), rate(wall.stored), cpu.stored.toFixed(0), rounds(storedRuns.map((r) => r.wall))],
      ["sync run with triage, full scan (the same + heuristics, the next page assessed while this one is written)", POSTS, wall.triage.toFixed(0), rate(wall.triage), cpu.triage.toFixed(0), rounds(triageRuns.map((r) => r.wall))],
      ["sync run with triage, a pull that may stop at any page (no reading ahead)", POSTS, wall.pull.toFixed(0), rate(wall.pull), cpu.pull.toFixed(0), rounds(pullRuns.map((r) => r.wall))],
      ["triage heuristics and priority alone, in memory (median of 5)", POSTS, heuristics.toFixed(0), rate(heuristics), "—", "—"],
    ],
  );
  const verdict = [
    `Triage adds **${percents(added(triageRuns, (r) => r.wall))}** to ingest time, the median of each round's ratio (goal ≤ 20%: ${overhead <= 20 ? "met" : "NOT met"});`,
    `${((wall.triage / wall.plain - 1) * 100).toFixed(1)}% as a ratio of the medians; in CPU time, ${percents(added(triageRuns, (r) => r.cpu))}.`,
    `Without reading ahead (a pull that may stop at its next page), ${percents(added(pullRuns, (r) => r.wall))}; in CPU time, ${percents(added(pullRuns, (r) => r.cpu))}.`,
    `${((out / POSTS) * 100).toFixed(0)}% of the posts were triaged out.`,
    `Round by round (medians): carrying and storing the assessments (checkability, verdicts, priority key, strongest signal against,`,
    `in the posts' own rows and statement) takes ${beyond(storedRuns, plainRuns, (r) => r.wall)} ms of wall time, ${beyond(storedRuns, plainRuns, (r) => r.cpu)} ms of CPU;`,
    `assessing the posts in the run, ${beyond(pullRuns, storedRuns, (r) => r.wall)} ms of wall time without reading ahead (${beyond(pullRuns, storedRuns, (r) => r.cpu)} ms of CPU)`,
    `and ${beyond(triageRuns, storedRuns, (r) => r.wall)} ms in the full scan, which assesses the next page while the database writes this one`,
    `(${heuristics.toFixed(0)} ms in a tight loop; docs/triage.md, Figures).`,
    `This feed is in memory, while a live pull waits on an HTTPS round trip to X for every page.`,
  ].join(" ");
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Triage",
    `\`npm run bench:triage\`: ${POSTS.toLocaleString("en")} posts shaped like the simulator's, pages of ${PAGE}, offline path (heuristics, no model), each measurement on a fresh database, the paths taking turns. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
});
