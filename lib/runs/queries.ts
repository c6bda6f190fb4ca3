import "server-only";

import { getDb } from "@/lib/db";

import type { RunCounts, RunError } from "./store";

export type RunDto = {
  id: string;
  kind: string;
  writerName: string | null;
  testMode: boolean | null;
  state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: number;
  total: number | null;
  counts: RunCounts;
  errors: RunError[];
  triggeredBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export async function listRecentRuns(limit = 50): Promise<RunDto[]> {
  const runs = await getDb().jobRun.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      kind: true,
      testMode: true,
      state: true,
      progress: true,
      total: true,
      counts: true,
      errors: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      writer: { select: { name: true } },
      triggeredBy: { select: { name: true } },
    },
  });
  return runs.map((r) => ({
    id: r.id,
    kind: r.kind,
    writerName: r.writer?.name ?? null,
    testMode: r.testMode,
    state: r.state,
    progress: r.progress,
    total: r.total,
    counts: (r.counts ?? {}) as RunCounts,
    errors: (r.errors ?? []) as RunError[],
    triggeredBy: r.triggeredBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}
