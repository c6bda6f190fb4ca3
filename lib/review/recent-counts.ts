import "server-only";

import type { QueueCounts } from "./dto";
import { countQueue } from "./queue";

/** Counts younger than this are served as they are. */
const FRESH_MS = 5_000;
/** Older ones, up to this age, are served while a fresh count runs in the background. */
const STALE_MS = 60_000;
/** Writer ids come from the URL: keep the table small whatever people type. */
const MAX_ENTRIES = 50;

type Entry = { at: number; counts: Promise<QueueCounts> };
const entries = new Map<string, Entry>();

/**
 * The counts on the queue's tabs, at most a few seconds old. Counting reads every draft (≈25 ms at
 * 100,000, growing with the table) while the page itself is a few index probes, and every reviewer
 * loads the queue many times an hour. Requests at the same moment share one count.
 */
export function recentQueueCounts(writerId: string | undefined): Promise<QueueCounts> {
  const key = writerId ?? "";
  const entry = entries.get(key);
  const age = entry ? Date.now() - entry.at : Infinity;
  if (entry && age < FRESH_MS) return entry.counts;
  const fresh = count(key, writerId);
  return entry && age < STALE_MS ? entry.counts : fresh;
}

function count(key: string, writerId: string | undefined): Promise<QueueCounts> {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const counts = countQueue(writerId);
  const entry = { at: Date.now(), counts };
  entries.set(key, entry);
  // A failed count is not kept: the next request tries again.
  counts.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return counts;
}
