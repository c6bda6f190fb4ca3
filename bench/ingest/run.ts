import pg from "pg";

import { postContentHash } from "../../lib/ingest/content-hash";
import { syncEligiblePosts, type EligibleFeed } from "../../lib/ingest/sync";
import type { NormalizedPost } from "../../lib/posts/post";
import { runMain } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";
import { PAGE, pages, scaleTo, simulatorPosts } from "../lib/sample-posts";
import { scratchDatabase } from "../lib/scratch-database";

/**
 * bench/ingest: syncing 10,000 posts through Notedesk's sync run (batched upsert, triage, eligibility,
 * run bookkeeping, stop-condition lookups) against the floor: a plain multi-row INSERT … ON
 * CONFLICT of the same rows in the same page size. Goal: sync ≥ 0.5× the raw rate.
 */
const POSTS = 10_000;

async function timeSync(posts: NormalizedPost[]): Promise<number> {
  const scratch = await scratchDatabase("ingest_sync");
  try {
    const writer = await scratch.db.writer.create({ data: { name: "bench" } });
    const feed: EligibleFeed = async function* () {
      yield* pages(posts);
    };
    const started = performance.now();
    const result = await syncEligiblePosts(scratch.db, feed, { writer, fullScan: true, maxPages: 1_000 });
    const elapsed = performance.now() - started;
    if (result.counts.new !== posts.length) throw new Error(`sync stored ${result.counts.new} of ${posts.length} posts`);
    return elapsed;
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
async function timeRawUpsert(posts: NormalizedPost[]): Promise<number> {
  const scratch = await scratchDatabase("ingest_raw");
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    const started = performance.now();
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
    return performance.now() - started;
  } finally {
    await client.end();
    await scratch.drop();
  }
}

runMain(async () => {
  const posts = scaleTo(POSTS, await simulatorPosts());
  // Warm both paths once (JIT, connection pools, catalog caches) on a small slice.
  await timeSync(posts.slice(0, 500));
  await timeRawUpsert(posts.slice(0, 500));

  const syncMs = await timeSync(posts);
  const rawMs = await timeRawUpsert(posts);
  const syncRate = (POSTS / syncMs) * 1000;
  const rawRate = (POSTS / rawMs) * 1000;
  const ratio = syncRate / rawRate;

  const table = markdownTable(
    ["path", "posts", "wall (ms)", "posts/s"],
    [
      ["Notedesk sync run (upsert + triage + eligibility + run record + stop check)", POSTS, syncMs.toFixed(0), syncRate.toFixed(0)],
      ["raw multi-row INSERT … ON CONFLICT (floor)", POSTS, rawMs.toFixed(0), rawRate.toFixed(0)],
    ],
  );
  const verdict = `Ratio sync ÷ raw: **${ratio.toFixed(2)}** (goal ≥ 0.5: ${ratio >= 0.5 ? "met" : "NOT met"}).`;
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "Ingest",
    `\`npm run bench:ingest\`: ${POSTS.toLocaleString("en")} posts shaped like the simulator's, pages of ${PAGE}, each path on a fresh database. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
});
