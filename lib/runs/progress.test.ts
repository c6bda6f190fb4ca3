import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DbClient } from "@/lib/db";

import { createProgressReporter } from "./progress";
import { STALE_RUN_MS } from "./store";

/** Records what reportProgress writes; the reporter only ever updates its run's row. */
function recordingDb() {
  const writes: { progress: number; counts: unknown }[] = [];
  const db = { jobRun: { update: async ({ data }: { data: { progress: number; counts: unknown } }) => void writes.push(data) } };
  return { db: db as unknown as DbClient, writes };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createProgressReporter", () => {
  it("writes the latest numbers at most once per interval", async () => {
    const { db, writes } = recordingDb();
    const reporter = createProgressReporter(db, "run-1", 1_000);
    for (let i = 1; i <= 20; i++) reporter.update({ progress: i, total: 20, counts: { drafted: i } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes.map((w) => w.progress)).toEqual([20]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes).toHaveLength(1); // nothing new, heartbeat not due
    await reporter.stop();
  });

  it("keeps the heartbeat fresh while nothing changes, well before a run counts as stale", async () => {
    const { db, writes } = recordingDb();
    const reporter = createProgressReporter(db, "run-1", 1_000);
    reporter.update({ progress: 1, total: null, counts: {} });
    await vi.advanceTimersByTimeAsync(STALE_RUN_MS);
    expect(writes.length).toBeGreaterThanOrEqual(3);
    await reporter.stop();
  });

  it("writes what is pending on stop, and nothing after", async () => {
    const { db, writes } = recordingDb();
    const reporter = createProgressReporter(db, "run-1", 1_000);
    reporter.update({ progress: 3, total: 3, counts: { drafted: 3 } });
    await reporter.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(writes.map((w) => w.counts)).toEqual([{ drafted: 3 }]);
  });
});
