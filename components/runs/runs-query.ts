import type { RunsSnapshot } from "@/lib/runs/snapshot";

export const runsQueryKey = ["runs"] as const;

/** Every 2 s while something is running or waiting; otherwise a slow check for runs started elsewhere. */
export const ACTIVE_POLL_MS = 2_000;
export const IDLE_POLL_MS = 20_000;

export function isBusy(snapshot: RunsSnapshot | undefined): boolean {
  return Boolean(snapshot && (snapshot.waiting.length > 0 || snapshot.runs.some((r) => r.state === "running" || r.state === "queued")));
}

export async function fetchRuns(): Promise<RunsSnapshot> {
  const response = await fetch("/api/runs", { cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(typeof message === "string" ? message : `The server answered ${response.status}.`);
  }
  return body as RunsSnapshot;
}
