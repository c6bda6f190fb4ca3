import "server-only";

import type { DbClient } from "@/lib/db";

import { reportProgress, STALE_RUN_MS, type RunCounts } from "./store";

export type ProgressSnapshot = { progress: number; total: number | null; counts: RunCounts };

export type ProgressReporter = {
  /** Records the latest numbers; they reach the database on the next tick. */
  update(snapshot: ProgressSnapshot): void;
  /** Stops ticking and writes what is pending. */
  stop(): Promise<void>;
};

/** Well inside STALE_RUN_MS, so a live run waiting on something slow is never taken for dead. */
const HEARTBEAT_MS = STALE_RUN_MS / 4;

/**
 * Writes a run's progress at most once per `intervalMs`, however fast items finish: twenty parallel
 * drafts would otherwise queue twenty updates on the same row. With nothing new to write, a tick
 * still refreshes the heartbeat (reportProgress sets it) every HEARTBEAT_MS.
 */
export function createProgressReporter(db: DbClient, runId: string, intervalMs = 1_000): ProgressReporter {
  let latest: ProgressSnapshot | null = null;
  let dirty = false;
  let lastWrite = Date.now();
  let writing: Promise<void> = Promise.resolve();

  const write = (force: boolean) => {
    const snapshot = latest;
    if (!snapshot || !(dirty || force || Date.now() - lastWrite >= HEARTBEAT_MS)) return writing;
    dirty = false;
    lastWrite = Date.now();
    writing = writing
      .then(() => reportProgress(db, runId, snapshot))
      // A missed progress write is not worth failing the run for; the next tick tries again.
      .catch((error: unknown) => console.error(`[runs] progress of ${runId} not saved:`, error));
    return writing;
  };
  const timer = setInterval(() => void write(false), intervalMs);
  timer.unref();

  return {
    update(snapshot) {
      latest = { ...snapshot, counts: { ...snapshot.counts } };
      dirty = true;
    },
    async stop() {
      clearInterval(timer);
      await write(dirty);
    },
  };
}
