import "server-only";

import { getDb } from "@/lib/db";

import type { RunsFilter } from "./kinds";
import type { RunCounts, RunError } from "./store";

export type RunDto = {
  id: string;
  kind: string;
  writerName: string | null;
  testMode: boolean | null;
  /** Names of the drafting variants the run drafted as (a shadow run's shadow variants). */
  variants: string[];
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

export async function listRecentRuns(filter: RunsFilter = {}, limit = 50): Promise<RunDto[]> {
  const db = getDb();
  const runs = await db.jobRun.findMany({
    where: { kind: filter.kind, writerId: filter.writer },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      testMode: true,
      variantIds: true,
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
  // Today's names: a variant renamed since the run is shown as it is called now.
  const variants = await db.draftingVariant.findMany({ where: { id: { in: [...new Set(runs.flatMap((r) => r.variantIds))] } }, select: { id: true, name: true } });
  const nameOf = new Map(variants.map((v) => [v.id, v.name]));
  return runs.map((r) => ({
    id: r.id,
    kind: r.kind,
    writerName: r.writer?.name ?? null,
    testMode: r.testMode,
    variants: r.variantIds.flatMap((id) => nameOf.get(id) ?? []),
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
