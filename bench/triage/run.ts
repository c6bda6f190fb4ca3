import type { DbClient } from "../../lib/db";
import { syncEligiblePosts, type EligibleFeed } from "../../lib/ingest/sync";
import { recordEligibility, upsertPosts } from "../../lib/ingest/upsert-posts";
import type { NormalizedPost } from "../../lib/posts/post";
import { finishRun, startExclusiveRun } from "../../lib/runs/store";
import { triagePost } from "../../lib/triage";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { PAGE, pages, scaleTo, simulatorPosts } from "../lib/sample-posts";
import { scratchDatabase } from "../lib/scratch-database";

/**
 * bench/triage: what triage adds to ingestion on the offline path (heuristics, no model). The same
 * 10,000 posts go through the sync run, which triages every new post, and through plain ingestion:
 * the run as it was before triage (a run record, then per page the batched upsert and the
 * eligibility upsert). Each measurement gets a fresh database; the two take turns over several
 * rounds so that load on a shared machine hits both alike, and the medians are compared.
 * Goal: triage adds ≤ 20% to ingest time.
 */
const POSTS = 10_000;
const ROUNDS = 5;

type Writer = { id: string; testMode: boolean; feedSize: string; feedLang: string };
type Ingest = (db: DbClient, writer: Writer, posts: NormalizedPost[]) => Promise<void>;

const withTriage: Ingest = async (db, writer, posts) => {
  const feed: EligibleFeed = async function* () {
    yield* pages(posts);
  };
  const result = await syncEligiblePosts(db, feed, { writer, fullScan: true, maxPages: 1_000 });
  if (result.triage.triaged !== posts.length) throw new Error(`triage assessed ${result.triage.triaged} of ${posts.length} posts`);
};

const plain: Ingest = async (db, writer, posts) => {
  const run = await startExclusiveRun(db, { kind: "sync", writerId: writer.id, testMode: writer.testMode, triggeredById: null });
  for (const page of pages(posts)) {
    await upsertPosts(db, page);
    await recordEligibility(db, { writerId: writer.id, testMode: writer.testMode, runId: run.id }, page.map((p) => p.id));
  }
  await finishRun(db, run.id, { state: "succeeded", counts: {}, errors: [] });
};

async function timeIngest(label: string, ingest: Ingest, posts: NormalizedPost[]): Promise<number> {
  const scratch = await scratchDatabase(`triage_${label}`);
  try {
    const writer = await scratch.db.writer.create({ data: { name: "bench" } });
    const started = performance.now();
    await ingest(scratch.db, writer, posts);
    const elapsed = performance.now() - started;
    const stored = await scratch.db.post.count();
    if (stored !== posts.length) throw new Error(`${label} stored ${stored} of ${posts.length} posts`);
    return elapsed;
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
  // Warm both paths once (JIT, regular expressions, catalog caches) on a small slice.
  await timeIngest("warm_plain", plain, posts.slice(0, 500));
  await timeIngest("warm_triage", withTriage, posts.slice(0, 500));
  timeHeuristics(posts.slice(0, 500));

  const plainMs: number[] = [];
  const triageMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
    const order = round % 2 === 0 ? (["plain", "triage"] as const) : (["triage", "plain"] as const);
    for (const path of order) {
      if (path === "plain") plainMs.push(await timeIngest("plain", plain, posts));
      else triageMs.push(await timeIngest("with", withTriage, posts));
    }
  }
  const heuristics = timeHeuristics(posts);

  const plainMedian = median(plainMs);
  const triageMedian = median(triageMs);
  const overhead = (triageMedian / plainMedian - 1) * 100;
  const rate = (ms: number) => ((POSTS / ms) * 1000).toFixed(0);
  const rounds = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");

  const table = markdownTable(
    ["path", "posts", `wall, median of ${ROUNDS} (ms)`, "posts/s", "rounds (ms)"],
    [
      ["plain ingestion (run record, upsert + eligibility per page)", POSTS, plainMedian.toFixed(0), rate(plainMedian), rounds(plainMs)],
      ["sync run with triage (the same + heuristics, triage stored by the same upsert)", POSTS, triageMedian.toFixed(0), rate(triageMedian), rounds(triageMs)],
      ["triage heuristics and priority alone, in memory", POSTS, heuristics.ms.toFixed(0), rate(heuristics.ms), "—"],
    ],
  );
  const share = ((heuristics.out / POSTS) * 100).toFixed(0);
  const added = triageMedian - plainMedian;
  const perPage = added / (POSTS / PAGE);
  const verdict = [
    `Triage adds **${overhead.toFixed(1)}%** to ingest time (goal ≤ 20%: ${overhead <= 20 ? "met" : "NOT met"}). ${share}% of the posts were triaged out.`,
    `Of the ${added.toFixed(0)} ms it adds, about ${heuristics.ms.toFixed(0)} ms are the heuristics; the rest is storing a post_triage row per post`,
    `(heap row, primary key and priority index entries, foreign-key check, a larger payload) in the same statement as the posts.`,
    `That is ${perPage.toFixed(1)} ms per page of ${PAGE}; this feed is in memory, while a live pull waits on an HTTPS round trip to X for every page.`,
  ].join(" ");
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Triage",
    `\`npm run bench:triage\`: ${POSTS.toLocaleString("en")} posts shaped like the simulator's, pages of ${PAGE}, offline path (heuristics, no model), each measurement on a fresh database, the two paths taking turns. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
});
