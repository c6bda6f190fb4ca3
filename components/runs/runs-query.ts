import { runsSearch, type RunsFilter } from "@/lib/runs/kinds";
import type { RunsSnapshot } from "@/lib/runs/snapshot";

/** Every filter's list sits under this key: invalidating it refreshes whichever list is shown. */
export const runsQueryKey = ["runs"] as const;

export const runsQueryKeyFor = (filter: RunsFilter) => [...runsQueryKey, filter] as const;

/** Every 2 s while something is running or waiting; otherwise a slow check for runs started elsewhere. */
export const ACTIVE_POLL_MS = 2_000;
export const IDLE_POLL_MS = 20_000;

export function isBusy(snapshot: RunsSnapshot | undefined): boolean {
  return Boolean(snapshot && (snapshot.waiting.length > 0 || snapshot.runs.some((r) => r.state === "running" || r.state === "queued")));
}

export async function fetchRuns(filter: RunsFilter): Promise<RunsSnapshot> {
  const response = await fetch(`/api/runs${runsSearch(filter)}`, { cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(typeof message === "string" ? message : `The server answered ${response.status}.`);
  }
  return body as RunsSnapshot;
}
