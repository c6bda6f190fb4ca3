import pg from "pg";

import { postContentHash } from "../../lib/ingest/content-hash";
import { syncEligiblePosts, type EligibleFeed } from "../../lib/ingest/sync";
import type { NormalizedPost } from "../../lib/posts/post";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { withCpuTime } from "../lib/cpu-time";
import { PAGE, pages, scaleTo, simulatorPosts } from "../lib/sample-posts";
import { scratchDatabase } from "../lib/scratch-database";

/**
 * bench/ingest: syncing 10,000 posts through Notedesk's sync run (per page one statement that
 * upserts the posts with their triage and records them in the writer's feed; the heuristics; run
 * bookkeeping; stop-condition checks) against the floor: a plain multi-row INSERT … ON CONFLICT of
 * the same rows in the same page size. Each measurement on a fresh database, the two taking turns
 * over several rounds, medians compared. Goal: sync ≥ 0.5× the raw rate.
 */
const POSTS = 10_000;
const ROUNDS = 5;

type Measured = { wall: number; cpu: number };

async function timeSync(posts: NormalizedPost[]): Promise<Measured> {
  const scratch = await scratchDatabase("ingest_sync");
  try {
    const writer = await scratch.db.writer.create({ data: { name: "bench" } });
    const feed: EligibleFeed = async function* () {
      yield* pages(posts);
    };
    const { result, wallMs, cpu } = await withCpuTime(scratch.url, () => syncEligiblePosts(scratch.db, feed, { writer, fullScan: true, maxPages: 1_000 }));
    if (result.counts.new !== posts.length) throw new Error(`sync stored ${result.counts.new} of ${posts.length} posts`);
    return { wall: wallMs, cpu: cpu.node + (cpu.postgres ?? Number.NaN) };
  } finally {
    await scratch.drop();
  }
}

const COLUMNS = [
  "id", "text", "author_id", "author_username", "author_name", "posted_at", "lang", "media_type", "media",
  "referenced_posts", "note_requests", "note_request_count", "suggested_sources", "matched_media_notes",
  "public_metrics", "content_hash",
] as const;

function rowValues(p: NormalizedPost): unknown[] {
  return [
    p.id, p.text, p.authorId, p.authorUsername, p.authorName, p.postedAt, p.lang, p.mediaType, JSON.stringify(p.media),
    JSON.stringify(p.referencedPosts), JSON.stringify(p.noteRequests), p.noteRequests.length, JSON.stringify(p.suggestedSources),
    JSON.stringify(p.matchedMediaNotes), JSON.stringify(p.publicMetrics), postContentHash(p),
  ];
}

/** The floor: what any ingester must pay to put these rows in PostgreSQL one page at a time. */
async function timeRawUpsert(posts: NormalizedPost[]): Promise<Measured> {
  const scratch = await scratchDatabase("ingest_raw");
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    const { wallMs, cpu } = await withCpuTime(scratch.url, async () => {
      for (const page of pages(posts)) {
        const params: unknown[] = [];
        const tuples = page.map((post) => {
          const values = rowValues(post);
          const placeholders = values.map((v) => `$${params.push(v)}`);
          return `(${placeholders.join(", ")})`;
        });
        await client.query(
          `INSERT INTO posts (${COLUMNS.join(", ")}) VALUES ${tuples.join(", ")}
           ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, content_hash = EXCLUDED.content_hash`,
          params,
        );
      }
    });
    return { wall: wallMs, cpu: cpu.node + (cpu.postgres ?? Number.NaN) };
  } finally {
    await client.end();
    await scratch.drop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

runMain(async () => {
  const posts = scaleTo(POSTS, await simulatorPosts());
  // Warm both paths once (JIT, connection pools, catalog caches) on a small slice.
  await timeSync(posts.slice(0, 500));
  await timeRawUpsert(posts.slice(0, 500));

  const sync: Measured[] = [];
  const raw: Measured[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
    if (round % 2 === 0) {
      sync.push(await timeSync(posts));
      raw.push(await timeRawUpsert(posts));
    } else {
      raw.push(await timeRawUpsert(posts));
      sync.push(await timeSync(posts));
    }
  }
  const syncMs = median(sync.map((m) => m.wall));
  const rawMs = median(raw.map((m) => m.wall));
  const rate = (ms: number) => (POSTS / ms) * 1000;
  const ratio = rate(syncMs) / rate(rawMs);
  const cpuRatio = median(raw.map((m) => m.cpu)) / median(sync.map((m) => m.cpu));
  const rounds = (values: Measured[]) => values.map((m) => m.wall.toFixed(0)).join(", ");

  const table = markdownTable(
    ["path", "posts", `wall, median of ${ROUNDS} (ms)`, "posts/s", "CPU, Node + PostgreSQL (ms)", "wall of each round (ms)"],
    [
      ["Notedesk sync run (one upsert of posts, triage and eligibility per page; heuristics; run record; stop check)", POSTS, syncMs.toFixed(0), rate(syncMs).toFixed(0), median(sync.map((m) => m.cpu)).toFixed(0), rounds(sync)],
      ["raw multi-row INSERT … ON CONFLICT (floor)", POSTS, rawMs.toFixed(0), rate(rawMs).toFixed(0), median(raw.map((m) => m.cpu)).toFixed(0), rounds(raw)],
    ],
  );
  const verdict = `Ratio sync ÷ raw: **${ratio.toFixed(2)}** (goal ≥ 0.5: ${ratio >= 0.5 ? "met" : "NOT met"}); in CPU time, ${cpuRatio.toFixed(2)}.`;
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Ingest",
    `\`npm run bench:ingest\`: ${POSTS.toLocaleString("en")} posts shaped like the simulator's, pages of ${PAGE}, each path on a fresh database, the two taking turns. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
});
