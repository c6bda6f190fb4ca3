import "server-only";

import { cache } from "react";

import { getDb } from "@/lib/db";

/**
 * Aggregates over a writer's notes and snapshot history only change when a refresh stores something,
 * but computing the status history reads every snapshot (200,000 rows take ~200 ms). So each web
 * process keeps the last result per writer and question, and recomputes when the data version moves:
 * the newest snapshot id and the writer's latest refresh run. The hour is part of the version too,
 * because the windows ("last 14 days", today's chart period) move with the clock.
 */

type Entry = { version: string; value: Promise<unknown> };

const MAX_ENTRIES = 200;
const holder = globalThis as typeof globalThis & { notedeskNotesMemo?: Map<string, Entry> };

/** Read once per request (React's cache), however many aggregates the page asks for. */
const notesDataVersion = cache(async (writerId: string): Promise<string> => {
  const [row] = await getDb().$queryRaw<{ version: string }[]>`
    SELECT concat_ws(':',
      (SELECT max(id) FROM note_snapshots),
      (SELECT id || '@' || coalesce(finished_at::text, '') FROM job_runs
        WHERE kind = 'notes_refresh' AND writer_id = ${writerId} ORDER BY created_at DESC LIMIT 1),
      date_trunc('hour', now() AT TIME ZONE 'utc')) AS version`;
  return row?.version ?? "";
});

/** `compute()`'s result for this writer and `question`, reused until the writer's notes change. */
export async function rememberNotesData<T>(writerId: string, question: string, compute: () => Promise<T>): Promise<T> {
  const memo = (holder.notedeskNotesMemo ??= new Map<string, Entry>());
  const key = `${writerId}|${question}`;
  const version = await notesDataVersion(writerId);
  const hit = memo.get(key);
  if (hit?.version === version) return hit.value as Promise<T>;

  const value = compute();
  memo.delete(key);
  memo.set(key, { version, value });
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value ?? "");
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  return value;
}
