import "server-only";

import { getDb } from "@/lib/db";
import type { RunError } from "@/lib/runs/store";

export type LastRefreshDto = { state: string; startedAt: string | null; finishedAt: string | null; errors: RunError[] } | null;

/** The writer's latest notes refresh, for "last refreshed …" beside the button. */
export async function lastRefresh(writerId: string): Promise<LastRefreshDto> {
  const run = await getDb().jobRun.findFirst({
    where: { kind: "notes_refresh", writerId },
    orderBy: { createdAt: "desc" },
    select: { state: true, startedAt: true, finishedAt: true, errors: true },
  });
  if (!run) return null;
  return {
    state: run.state,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    errors: (run.errors ?? []) as RunError[],
  };
}
