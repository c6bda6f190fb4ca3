import "server-only";

import type { DbClient } from "@/lib/db";
import type { NormalizedPost } from "@/lib/posts/post";
import { finishRun, reportProgress, startExclusiveRun, type RunError } from "@/lib/runs/store";

import { recordEligibility, upsertPosts } from "./upsert-posts";

// Progress is written at most this often: a row update per page would cost more than the page.
const PROGRESS_INTERVAL_MS = 500;

/** Where posts come from: the X client in the app, a fake or the simulator in tests and benchmarks. */
export type EligibleFeed = (query: {
  testMode: boolean;
  feedSize: string;
  feedLang: string;
  maxResults: number;
  maxPages: number;
}) => AsyncIterable<NormalizedPost[]>;

export type SyncOptions = {
  writer: { id: string; testMode: boolean; feedSize: string; feedLang: string };
  triggeredById?: string | null;
  /** Safety net against a feed that never ends. */
  maxPages?: number;
  pageSize?: number;
  /** Page through everything instead of stopping at the first page of posts already held. */
  fullScan?: boolean;
};

export type SyncResult = {
  runId: string;
  state: "succeeded" | "failed";
  pages: number;
  counts: { new: number; updated: number; skipped: number; pages: number };
  errors: RunError[];
  durationMs: number;
};

export async function syncEligiblePosts(db: DbClient, feed: EligibleFeed, options: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const { writer } = options;
  const testMode = writer.testMode;
  const run = await startExclusiveRun(db, { kind: "sync", writerId: writer.id, testMode, triggeredById: options.triggeredById ?? null });
  const counts = { new: 0, updated: 0, skipped: 0, pages: 0 };
  const errors: RunError[] = [];
  const maxPages = options.maxPages ?? 50;
  let lastReport = Date.now();

  try {
    for await (const page of feed({ testMode, feedSize: writer.feedSize, feedLang: writer.feedLang, maxResults: options.pageSize ?? 100, maxPages })) {
      const ids = page.map((p) => p.id);
      const pageCounts = await upsertPosts(db, page);
      const { newToFeed } = await recordEligibility(db, { writerId: writer.id, testMode, runId: run.id }, ids);
      counts.new += pageCounts.new;
      counts.updated += pageCounts.updated;
      counts.skipped += pageCounts.skipped;
      counts.pages += 1;
      if (Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = Date.now();
        await reportProgress(db, run.id, { progress: counts.new + counts.updated + counts.skipped, counts });
      }
      const onlyKnown = ids.length > 0 && newToFeed === 0;
      if ((onlyKnown && !options.fullScan) || counts.pages >= maxPages) break;
    }
  } catch (error) {
    errors.push({ at: new Date().toISOString(), message: error instanceof Error ? error.message : String(error) });
  }

  const state = errors.length ? "failed" : "succeeded";
  await finishRun(db, run.id, { state, counts, errors, progress: counts.new + counts.updated + counts.skipped });
  return { runId: run.id, state, pages: counts.pages, counts, errors, durationMs: Date.now() - started };
}
