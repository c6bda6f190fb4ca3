import "server-only";

import { getDb, type DbClient } from "@/lib/db";
import { createProgressReporter } from "@/lib/runs/progress";
import { finishRun, startExclusiveRun, type RunError } from "@/lib/runs/store";
import { isXApiError, type XClient } from "@/lib/x";

import { storeNotesPage } from "./store-page";

/** What a refresh reads notes from: the X client in the app, a fake or the simulator in tests. */
export type NotesSource = Pick<XClient, "iterateNotesWritten">;

export type RefreshOptions = {
  writer: { id: string; testMode: boolean };
  client: NotesSource;
  triggeredById?: string | null;
  db?: DbClient;
  /**
   * Pages of 100 per mode. Every refresh reads every note, because statuses keep moving for weeks;
   * 20 pages (2,000 notes a mode, 40 of X's 90 requests per 15 minutes) leaves room for the rest.
   */
  maxPages?: number;
};

export type RefreshCounts = {
  pages: number;
  /** Notes read, per mode and in all. */
  test: number;
  production: number;
  notes: number;
  /** First seen in this run. */
  new: number;
  /** Seen before, with a status or bucket that moved since: one snapshot each. */
  changed: number;
  /** Read notes that are tied to the submission that produced them. */
  linked: number;
};

export type RefreshResult = {
  runId: string;
  state: "succeeded" | "failed";
  counts: RefreshCounts;
  errors: RunError[];
  /** "not_admitted": X refused production because the writer is still in test mode; expected, not a failure. */
  production: "read" | "not_admitted";
};

const PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 20;

/**
 * Reads the writer's notes_written in both modes and stores what changed (see storeNotesPage). One
 * run per writer at a time: a second refresh while one runs is refused with a conflict. A failure in
 * one mode does not stop the other; the run then ends failed with the reason on the Runs page.
 */
export async function refreshWrittenNotes(options: RefreshOptions): Promise<RefreshResult> {
  const { writer, client } = options;
  const db = options.db ?? getDb();
  const run = await startExclusiveRun(db, { kind: "notes_refresh", writerId: writer.id, testMode: writer.testMode, triggeredById: options.triggeredById ?? null });
  const progress = createProgressReporter(db, run.id);
  const counts: RefreshCounts = { pages: 0, test: 0, production: 0, notes: 0, new: 0, changed: 0, linked: 0 };
  const errors: RunError[] = [];
  let production: RefreshResult["production"] = "read";

  for (const testMode of [true, false]) {
    try {
      const pages = client.iterateNotesWritten({ testMode, maxResults: PAGE_SIZE, maxPages: options.maxPages ?? DEFAULT_MAX_PAGES });
      for await (const page of pages) {
        const stored = await storeNotesPage(db, { writerId: writer.id, testMode }, page.notes);
        counts.pages += 1;
        counts[testMode ? "test" : "production"] += page.notes.length;
        counts.notes += page.notes.length;
        counts.new += stored.new;
        counts.changed += stored.snapshots - stored.new;
        counts.linked += stored.linked;
        progress.update({ progress: counts.notes, total: null, counts });
      }
    } catch (error) {
      if (!testMode && writer.testMode && isXApiError(error) && error.kind === "not_admitted") {
        production = "not_admitted";
        continue;
      }
      errors.push({ at: new Date().toISOString(), message: `${testMode ? "Test" : "Production"} notes: ${describe(error)}` });
    }
  }

  await progress.stop();
  const state = errors.length ? "failed" : "succeeded";
  await finishRun(db, run.id, { state, counts, errors, progress: counts.notes });
  return { runId: run.id, state, counts, errors, production };
}

function describe(error: unknown): string {
  if (isXApiError(error)) return `${error.explanation} ${error.fix}`;
  return error instanceof Error ? error.message : String(error);
}
