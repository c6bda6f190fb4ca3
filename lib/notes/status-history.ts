import "server-only";

import { getDb, Prisma } from "@/lib/db";

export type StatusMove = { day: string; status: string; delta: number };

type History = { throughSnapshot: bigint; moves: Map<string, number> };

const holder = globalThis as typeof globalThis & { notedeskStatusHistory?: Map<string, Promise<History>> };

/**
 * Net moves between statuses per UTC day for the writer's production notes: each snapshot whose
 * status differs from the note's previous one moves the note out of the old status (−1) and into the
 * new (+1). Snapshots are only ever appended, so the moves are kept per web process and extended
 * with the snapshots added since: a refresh that changed 30 notes costs 30 rows here, not the
 * writer's whole history. A process reads the whole history once, on first use.
 */
export async function statusMovesByDay(writerId: string): Promise<StatusMove[]> {
  const histories = (holder.notedeskStatusHistory ??= new Map<string, Promise<History>>());
  const [latest] = await getDb().$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM note_snapshots`;
  const through = latest?.id ?? 0n;
  const previous = histories.get(writerId);
  // Extensions chain on the previous promise, so two requests never add the same snapshots twice.
  const next = (previous ?? Promise.resolve<History>({ throughSnapshot: 0n, moves: new Map() })).then((history) =>
    history.throughSnapshot >= through ? history : extend(writerId, history, through),
  );
  histories.set(writerId, next);
  next.catch(() => {
    if (histories.get(writerId) === next) histories.delete(writerId);
  });
  const { moves } = await next;
  return [...moves].map(([key, delta]) => {
    const [day = "", status = ""] = key.split("|");
    return { day, status, delta };
  });
}

async function extend(writerId: string, history: History, through: bigint): Promise<History> {
  // A note's first snapshot in this batch follows the last one already counted, if there is one.
  const before = history.throughSnapshot === 0n
    ? Prisma.sql`NULL::text`
    : Prisma.sql`(SELECT coalesce(nullif(p.status, ''), 'none') FROM note_snapshots p
        WHERE p.note_id = a.note_id AND p.id <= ${history.throughSnapshot} ORDER BY p.id DESC LIMIT 1)`;
  const rows = await getDb().$queryRaw<StatusMove[]>`
    WITH added AS (
      SELECT ns.id, ns.note_id, ns.observed_at, coalesce(nullif(ns.status, ''), 'none') AS status
      FROM note_snapshots ns JOIN written_notes n ON n.id = ns.note_id
      WHERE n.writer_id = ${writerId} AND NOT n.test_mode AND ns.id > ${history.throughSnapshot} AND ns.id <= ${through}
    ),
    changes AS (
      SELECT a.observed_at, a.status,
        coalesce(lag(a.status) OVER (PARTITION BY a.note_id ORDER BY a.id), ${before}) AS previous
      FROM added a
    ),
    moves AS (
      SELECT observed_at, status, 1 AS delta FROM changes WHERE previous IS DISTINCT FROM status
      UNION ALL
      SELECT observed_at, previous, -1 FROM changes WHERE previous IS NOT NULL AND previous <> status
    )
    SELECT to_char(date_trunc('day', observed_at), 'YYYY-MM-DD') AS day, status, sum(delta)::int AS delta
    FROM moves GROUP BY 1, 2`;
  const moves = new Map(history.moves);
  for (const row of rows) {
    const key = `${row.day}|${row.status}`;
    moves.set(key, (moves.get(key) ?? 0) + row.delta);
  }
  return { throughSnapshot: through, moves };
}
