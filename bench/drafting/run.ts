import { loadavg } from "node:os";

import fc from "fast-check";

import { createDraftingProvider, type DraftingProvider } from "../../lib/drafting";
import { draftPost } from "../../lib/drafting/draft-post";
import { runDrafting } from "../../lib/drafting/drafting-run";
import { createSemaphore } from "../../lib/drafting/semaphore";
import { seedFeed } from "../../lib/drafting/testing/feed-fixture";
import { arbitraryPost } from "../../lib/drafting/testing/posts";
import type { NormalizedPost } from "../../lib/posts/post";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { scratchDatabase } from "../lib/scratch-database";
import { countStatements } from "../queue/breakdown";

/**
 * bench/drafting: 200 posts through the real drafting run (claims, model calls, outcomes stored as
 * they come, a few per statement, progress) against PostgreSQL, with the offline drafter answering after a fixed latency L.
 * At concurrency C the floor is 200·L/C; the template writer's way, one post at a time, is the
 * baseline. Goals: wall ≤ 1.2 × ideal, and ≥ 10× faster than one at a time.
 */
const POSTS = 200;
const LATENCY_MS = 50;
const CONCURRENCY = 20;
const PARALLEL_REPEATS = 3;
/** pg's default pool size, which the app's client keeps. */
const POOL_WARM_CONNECTIONS = 10;

/** Varied posts (notes, abstentions, media, requests), the same every run. */
function benchPosts(count: number): NormalizedPost[] {
  return fc
    .sample(arbitraryPost, { numRuns: count, seed: 20261121 })
    .map((post, i) => ({ ...post, id: String(1_950_000_000_000_000_000n + BigInt(i)) }));
}

/**
 * The offline drafter behind a call counter (retries make more calls than posts) that also notes
 * when the first call started and the last one ended.
 */
function countingProvider(): DraftingProvider & { calls: number; firstStart: number; lastEnd: number } {
  const inner = createDraftingProvider({ provider: "offline", simulatedLatencyMs: LATENCY_MS });
  const counted = {
    id: inner.id,
    model: inner.model,
    calls: 0,
    firstStart: Number.POSITIVE_INFINITY,
    lastEnd: 0,
    generate: async (request: Parameters<DraftingProvider["generate"]>[0]) => {
      counted.calls += 1;
      counted.firstStart = Math.min(counted.firstStart, performance.now());
      try {
        return await inner.generate(request);
      } finally {
        counted.lastEnd = Math.max(counted.lastEnd, performance.now());
      }
    },
  };
  return counted;
}

/** `beforeFirstCallMs`: the run's start-up; `afterLastCallMs`: storing the last outcomes and finishing. */
type Measurement = { wallMs: number; calls: number; counts: Record<string, number>; statements: number; beforeFirstCallMs: number; afterLastCallMs: number };

async function timeDrafting(posts: NormalizedPost[], concurrency: number): Promise<Measurement> {
  const scratch = await scratchDatabase(`drafting_c${concurrency}`);
  try {
    const feed = await seedFeed(scratch.db, posts, "bench writer");
    const provider = countingProvider();
    // A worker's connection pool is open long before a run starts; open this one too.
    await Promise.all(Array.from({ length: POOL_WARM_CONNECTIONS }, () => scratch.db.$queryRaw`SELECT 1 FROM pg_sleep(0.02)`));
    const statements = countStatements();
    const started = performance.now();
    const result = await runDrafting(scratch.db, provider, { feed, concurrency }).finally(statements.stop);
    const finished = performance.now();
    const done = result.counts.drafted + result.counts.abstained + result.counts.failed;
    if (result.state !== "succeeded" || done !== posts.length) throw new Error(`the run ended ${result.state} with ${done} of ${posts.length} posts`);
    return {
      wallMs: finished - started,
      calls: provider.calls,
      counts: result.counts,
      statements: statements.started.length,
      beforeFirstCallMs: provider.firstStart - started,
      afterLastCallMs: finished - provider.lastEnd,
    };
  } finally {
    await scratch.drop();
  }
}

/**
 * The same model calls at the same concurrency with no database and no run: the floor on this
 * machine at this moment, which on a busy machine sits above the ideal too.
 */
async function timeCallsOnly(posts: NormalizedPost[], concurrency: number): Promise<number> {
  const provider = countingProvider();
  const slots = createSemaphore(concurrency);
  const started = performance.now();
  await Promise.all(posts.map((post) => slots.run(() => draftPost(post, provider))));
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

runMain(async () => {
  // Timer-bound figures suffer on a busy machine: the section says how busy it was.
  const load = loadavg()[0]?.toFixed(1) ?? "?";
  const posts = benchPosts(POSTS);
  // Warm up once (JIT, pools, catalog caches) on a small slice.
  await timeDrafting(posts.slice(0, 40), CONCURRENCY);

  // The parallel path is short enough for a busy machine to skew one measurement: take the median of
  // three, each right after a floor measurement so both see the same load.
  const parallelRuns: Measurement[] = [];
  const floors: number[] = [];
  for (let i = 0; i < PARALLEL_REPEATS; i++) {
    floors.push(await timeCallsOnly(posts, CONCURRENCY));
    parallelRuns.push(await timeDrafting(posts, CONCURRENCY));
  }
  const parallel = parallelRuns.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(PARALLEL_REPEATS / 2)] as Measurement;
  const floorMs = median(floors);
  const serial = await timeDrafting(posts, 1);
  const idealMs = (POSTS * LATENCY_MS) / CONCURRENCY;
  const overIdeal = parallel.wallMs / idealMs;
  const speedUp = serial.wallMs / parallel.wallMs;

  const table = markdownTable(
    ["path", "posts", "model calls", "wall (ms)", "ideal (ms)", "wall ÷ ideal"],
    [
      [`drafting run, concurrency ${CONCURRENCY} (median of ${PARALLEL_REPEATS})`, POSTS, parallel.calls, parallel.wallMs.toFixed(0), idealMs.toFixed(0), overIdeal.toFixed(2)],
      [`the same calls, no database or run (floor, median of ${PARALLEL_REPEATS})`, POSTS, parallel.calls, floorMs.toFixed(0), idealMs.toFixed(0), (floorMs / idealMs).toFixed(2)],
      ["one at a time (template writer)", POSTS, serial.calls, serial.wallMs.toFixed(0), (POSTS * LATENCY_MS).toFixed(0), (serial.wallMs / (POSTS * LATENCY_MS)).toFixed(2)],
    ],
  );
  const { drafted, abstained, failed } = parallel.counts;
  const verdict = [
    `Outcomes: ${drafted} notes, ${abstained} abstentions, ${failed} failed; ideal = posts × L ÷ C = ${POSTS} × ${LATENCY_MS} ms ÷ ${CONCURRENCY}.`,
    `Wall ÷ ideal: **${overIdeal.toFixed(2)}** (goal ≤ 1.2: ${overIdeal <= 1.2 ? "met" : "NOT met"}).`,
    `Speed-up over one at a time: **${speedUp.toFixed(1)}×** (goal ≥ 10×: ${speedUp >= 10 ? "met" : "NOT met"}).`,
    `What the database and the run add to the bare calls under the same load: **${(parallel.wallMs / floorMs).toFixed(2)}×**.`,
    `Where the run's own time goes (the median run): ${parallel.beforeFirstCallMs.toFixed(0)} ms before the first model call (the run's row, recovery and new drafts, the first claim), ${parallel.afterLastCallMs.toFixed(0)} ms after the last (its outcomes stored, the run finished); ${parallel.statements} SQL statements at the pg driver, ${(parallel.statements / POSTS).toFixed(2)} per post (docs/drafting.md, Drafting run).`,
  ].join("\n");
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Drafting",
    `\`npm run bench:drafting\`: ${POSTS} varied posts through the drafting run on a fresh database each, the offline drafter answering after L = ${LATENCY_MS} ms. ${environmentLine()} Load average at start: ${load}.\n\n${table}\n\n${verdict}`,
  );
});
