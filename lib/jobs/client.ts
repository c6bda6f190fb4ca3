import "server-only";

import { env } from "@/lib/config/env";
import { DatabaseUnavailableError } from "@/lib/db";

import { openJobQueue, type JobQueue } from "./boss";

// On globalThis for the same reason as getDb(): dev-mode HMR would otherwise open a pool per reload.
const holder = globalThis as typeof globalThis & { notedeskJobQueue?: Promise<JobQueue> };

/** The web app's pg-boss client (sends jobs, edits schedules; runs nothing), opened on first use. */
export function getJobQueue(): Promise<JobQueue> {
  if (holder.notedeskJobQueue) return holder.notedeskJobQueue;
  const url = env().DATABASE_URL;
  if (!url) throw new DatabaseUnavailableError("DATABASE_URL is not set, so jobs cannot be queued.");
  const opening = openJobQueue(url, "client");
  // A failed start is not cached: the next request tries again instead of failing forever.
  opening.catch(() => {
    if (holder.notedeskJobQueue === opening) holder.notedeskJobQueue = undefined;
  });
  holder.notedeskJobQueue = opening;
  return opening;
}

/** Points getJobQueue() at `queue` (tests); returns the one it replaces. */
export function setJobQueue(queue: JobQueue | undefined): Promise<JobQueue> | undefined {
  const previous = holder.notedeskJobQueue;
  holder.notedeskJobQueue = queue && Promise.resolve(queue);
  return previous;
}
