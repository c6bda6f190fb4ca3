import "server-only";

import type { DbClient } from "@/lib/db";
import type { DraftingProvider } from "@/lib/drafting/provider";
import type { NormalizedPost } from "@/lib/posts/post";
import { finishRun, reportProgress, startExclusiveRun, type RunError } from "@/lib/runs/store";
import { canAskModel, refineWithModel, type ModelPassCandidate } from "@/lib/triage";

import { AssessedPages } from "./feed-pages";
import { triagedByUpsert, triageUntriagedPosts } from "./triage-posts";
import { upsertPosts } from "./upsert-posts";

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
  /**
   * The cheap model pass over the run's newly triaged posts (docs/triage.md), already metered and
   * rate limited by the caller. Absent or offline: triage is the heuristics alone.
   */
  triageModel?: DraftingProvider;
};

/**
 * What triage did in a run: posts (re)assessed and how many of them the machine put out (after the
 * model pass); with a model pass, posts asked about and answers that came back usable. The run
 * record's counts carry them beside the pull's own (the Runs page labels them).
 */
export type TriageCounts = { triaged: number; triagedOut: number; modelAsked?: number; modelAnswered?: number };

export type SyncResult = {
  runId: string;
  state: "succeeded" | "failed";
  pages: number;
  counts: { new: number; updated: number; skipped: number; pages: number };
  triage: TriageCounts;
  errors: RunError[];
  durationMs: number;
};

export async function syncEligiblePosts(db: DbClient, feed: EligibleFeed, options: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const { writer } = options;
  const testMode = writer.testMode;
  const run = await startExclusiveRun(db, { kind: "sync", writerId: writer.id, testMode, triggeredById: options.triggeredById ?? null });
  const counts = { new: 0, updated: 0, skipped: 0, pages: 0 };
  const triage: TriageCounts = { triaged: 0, triagedOut: 0 };
  const errors: RunError[] = [];
  const maxPages = options.maxPages ?? 50;
  const fullScan = options.fullScan ?? (await previousRunBroke(db, run.id, writer.id, testMode));
  const model = options.triageModel && canAskModel(options.triageModel) ? options.triageModel : null;
  // Kept only when a model will read them: a run without one holds no page longer than it takes.
  const modelCandidates: ModelPassCandidate[] = [];
  const seenUnchanged: string[] = [];
  const triaged = (candidates: readonly ModelPassCandidate[]) => {
    triage.triaged += candidates.length;
    triage.triagedOut += candidates.filter((c) => c.heuristic.verdict === "out").length;
    if (model) modelCandidates.push(...candidates);
  };
  let lastReport = Date.now();

  try {
    const pages = new AssessedPages(feed({ testMode, feedSize: writer.feedSize, feedLang: writer.feedLang, maxResults: options.pageSize ?? 100, maxPages }));
    try {
      for (let page = await pages.next(); page; page = await pages.next()) {
        const { posts, seenAt, assessments } = page;
        const writing = upsertPosts(db, posts, assessments, { feed: { writerId: writer.id, testMode, runId: run.id }, seenAt });
        // A full scan reads on up to the page cap whatever this page holds: the next page is read and
        // assessed while this one is written. A pull that may stop here does not read ahead (X's requests are counted).
        if (fullScan && counts.pages + 1 < maxPages) pages.readAhead();
        const upserted = await writing;
        triaged(triagedByUpsert(posts, upserted.changed, assessments, seenAt));
        const changedIds = new Set(upserted.changed.map((c) => c.id));
        seenUnchanged.push(...posts.map((p) => p.id).filter((id) => !changedIds.has(id)));
        counts.new += upserted.new;
        counts.updated += upserted.updated;
        counts.skipped += upserted.skipped;
        counts.pages += 1;
        if (Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = Date.now();
          await reportProgress(db, run.id, { progress: counts.new + counts.updated + counts.skipped, counts: { ...counts, ...triage } });
        }
        const onlyKnown = posts.length > 0 && upserted.newToFeed === 0;
        if ((onlyKnown && !fullScan) || counts.pages >= maxPages) break;
      }
    } finally {
      // As `for await` would on leaving the loop; after a page still being read ahead.
      await pages.close();
    }
    triaged(await triageUntriagedPosts(db, seenUnchanged));
    if (model && modelCandidates.length) {
      const pass = await refineWithModel(db, model, modelCandidates);
      triage.modelAsked = pass.asked;
      triage.modelAnswered = pass.answered;
      triage.triagedOut += pass.turnedOut - pass.turnedIn;
    }
  } catch (error) {
    errors.push({ at: new Date().toISOString(), message: error instanceof Error ? error.message : String(error) });
  }

  const state = errors.length ? "failed" : "succeeded";
  await finishRun(db, run.id, { state, counts: { ...counts, ...triage }, errors, progress: counts.new + counts.updated + counts.skipped });
  return { runId: run.id, state, pages: counts.pages, counts, triage, errors, durationMs: Date.now() - started };
}

/**
 * Whether the feed's previous pull failed or died midway. Such a run stored the newest pages and not
 * the older ones, so "a page holding only posts we have" no longer means everything older is held
 * too: the next pull reads the whole feed (up to maxPages) instead of stopping there, or the posts
 * behind the break would never be pulled.
 */
async function previousRunBroke(db: DbClient, runId: string, writerId: string, testMode: boolean): Promise<boolean> {
  const previous = await db.jobRun.findFirst({
    where: { kind: "sync", writerId, testMode, id: { not: runId }, state: { not: "running" } },
    orderBy: { startedAt: "desc" },
    select: { state: true },
  });
  return previous !== null && previous.state !== "succeeded";
}
