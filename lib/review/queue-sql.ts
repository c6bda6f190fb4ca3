import "server-only";

import { z } from "zod";

import { Prisma } from "@/lib/db";

import type { QueueFilters } from "./queue-filters";
import { liveClaim, type Tx } from "./sql";

/** Draft states still waiting for work: there a triaged-out post's draft leaves the list (and its tab's count). */
export const pendingStates = ["new", "drafting", "ready"] as const satisfies readonly QueueFilters["state"][];
const PENDING_STATES = new Set<QueueFilters["state"]>(pendingStates);

/**
 * The queue's filters as SQL over `drafts d JOIN posts p LEFT JOIN revisions r` (r = the current
 * revision). Shared by the list, its neighbours and claimNext, so "next" means the next row the list shows.
 * A draft whose post is triaged out (a reviewer's overturn included) leaves the pending lists: the
 * "Triaged out" tab lists the post instead. An untriaged post's draft stays.
 */
export function queueConditions(filters: QueueFilters, viewerId: string): Prisma.Sql[] {
  const conditions = [Prisma.sql`d.state = ${filters.state}::"DraftState"`];
  if (PENDING_STATES.has(filters.state)) conditions.push(Prisma.sql`p.triage_verdict IS DISTINCT FROM 'out'`);
  if (filters.writer) conditions.push(Prisma.sql`d.writer_id = ${filters.writer}`);
  if (filters.aiDecision !== "any") conditions.push(Prisma.sql`d.ai_decision = ${filters.aiDecision}`);
  if (filters.classification !== "any") conditions.push(Prisma.sql`r.classification = ${filters.classification}`);
  if (filters.lang) conditions.push(Prisma.sql`p.lang = ${filters.lang}`);
  if (filters.mediaType !== "any") conditions.push(Prisma.sql`p.media_type = ${filters.mediaType}`);
  if (filters.noteRequests === "with") conditions.push(Prisma.sql`p.note_request_count > 0`);
  if (filters.noteRequests === "without") conditions.push(Prisma.sql`p.note_request_count = 0`);
  if (filters.claim === "mine") conditions.push(Prisma.sql`${liveClaim} AND d.claimed_by_id = ${viewerId}`);
  if (filters.claim === "unclaimed") conditions.push(Prisma.sql`NOT ${liveClaim}`);
  if (filters.claim === "others") conditions.push(Prisma.sql`${liveClaim} AND d.claimed_by_id <> ${viewerId}`);
  return conditions;
}

export const queueFrom = Prisma.sql`
  drafts AS d
  JOIN posts AS p ON p.id = d.post_id
  LEFT JOIN revisions AS r ON r.id = d.current_revision_id`;

type Sort = QueueFilters["sort"];

/**
 * Each order is a column and id, both one way: priority is drafts.priority_key descending (the
 * post's triage priority now, lib/triage/priority.ts), drafts of untriaged posts first so nothing
 * unassessed is buried; oldest first is ready_at ascending, drafts that never reached the queue
 * last; newest first is its exact reverse. Each is its index's own order, read forwards or backwards:
 * (state, priority_key, id) and (state, ready_at, id), with writer_id first for one writer's queue.
 */
const orders: Record<Sort, { column: Prisma.Sql; type: Prisma.Sql; descending: boolean; nullsFirst: boolean }> = {
  priority: { column: Prisma.sql`d.priority_key`, type: Prisma.raw("float8"), descending: true, nullsFirst: true },
  oldest: { column: Prisma.sql`d.ready_at`, type: Prisma.raw("timestamp(3)"), descending: false, nullsFirst: false },
  newest: { column: Prisma.sql`d.ready_at`, type: Prisma.raw("timestamp(3)"), descending: true, nullsFirst: true },
};

/** A position in the queue: a row's sort value (ready_at or priority_key) and id. */
export type QueueCursor = { value: Date | number | null; id: string };

/**
 * The queue in a sort's order is two runs: rows with a sort value and rows without. Each run is one
 * index range, so a page costs the same at row 100,000 as at row 1; an OR across the two would make
 * Postgres scan from the top (or sort everything) instead. `backwards` reads the same order from
 * the other end (a row's previous neighbour).
 */
export type QueueSegment = {
  hasValue: boolean;
  where(after: QueueCursor | null): Prisma.Sql;
  order: Prisma.Sql;
};

export function queueSegments(sort: Sort, backwards = false): QueueSegment[] {
  const { column, type, descending, nullsFirst } = orders[sort];
  const down = descending !== backwards;
  const direction = Prisma.raw(down ? "DESC" : "ASC");
  const beyond = Prisma.raw(down ? "<" : ">");
  const valued: QueueSegment = {
    hasValue: true,
    order: Prisma.sql`${column} ${direction}, d.id ${direction}`,
    // Typed like the column, so the comparison is the index's own.
    where: (after) =>
      !after || after.value === null ? Prisma.sql`${column} IS NOT NULL` : Prisma.sql`(${column}, d.id) ${beyond} (${after.value}::${type}, ${after.id})`,
  };
  const valueless: QueueSegment = {
    hasValue: false,
    order: Prisma.sql`d.id ${direction}`,
    where: (after) => (after ? Prisma.sql`${column} IS NULL AND d.id ${beyond} ${after.id}` : Prisma.sql`${column} IS NULL`),
  };
  return nullsFirst !== backwards ? [valueless, valued] : [valued, valueless];
}

/** The segments still to read after `after`, each with the cursor it starts from. */
export function segmentsAfter(sort: Sort, after: QueueCursor | null, backwards = false): { segment: QueueSegment; after: QueueCursor | null }[] {
  const segments = queueSegments(sort, backwards);
  const start = after ? segments.findIndex((s) => s.hasValue === (after.value !== null)) : 0;
  return segments.slice(start).map((segment, i) => ({ segment, after: i === 0 ? after : null }));
}

/** A draft's place in the list under `sort`; null if there is no such draft. */
export async function queuePosition(db: Tx, draftId: string, sort: Sort): Promise<QueueCursor | null> {
  const [row] = await db.$queryRaw<{ readyAt: Date | null; priorityKey: number | null }[]>`
    SELECT ready_at AS "readyAt", priority_key AS "priorityKey" FROM drafts WHERE id = ${draftId}`;
  if (!row) return null;
  return { value: sort === "priority" ? row.priorityKey : row.readyAt, id: draftId };
}

/**
 * A subquery for the id of the first free draft the filtered list shows after `after` (the draft a
 * reviewer just left), locking it; when nothing free follows, the first free one from the top, the
 * one just left excepted. One per segment, tried in order: each is an index range. SKIP LOCKED lets
 * twenty reviewers pull at once, each passing over rows another is taking this instant.
 */
export function nextFreeDraft(filters: QueueFilters, viewerId: string, after: QueueCursor | null): Prisma.Sql {
  const conditions = queueConditions(filters, viewerId);
  const pick = (segment: QueueSegment, from: QueueCursor | null, extra: Prisma.Sql[]) => Prisma.sql`(
    SELECT d.id FROM ${queueFrom}
    WHERE ${Prisma.join([...conditions, ...extra, segment.where(from)], " AND ")}
    ORDER BY ${segment.order} LIMIT 1 FOR UPDATE OF d SKIP LOCKED)`;
  const following = after ? segmentsAfter(filters.sort, after).map(({ segment, after: from }) => pick(segment, from, [])) : [];
  const fromTop = queueSegments(filters.sort).map((segment) => pick(segment, null, after ? [Prisma.sql`d.id <> ${after.id}`] : []));
  return Prisma.sql`coalesce(${Prisma.join([...following, ...fromTop], ", ")})`;
}

const cursorSchema = z.object({ v: z.union([z.iso.datetime(), z.number(), z.null()]), id: z.string().min(1).max(64) });

export function encodeCursor(cursor: QueueCursor): string {
  const value = cursor.value instanceof Date ? cursor.value.toISOString() : cursor.value;
  return Buffer.from(JSON.stringify({ v: value, id: cursor.id })).toString("base64url");
}

/** null for anything that is not a cursor this code wrote for `sort`: the list starts from the top. */
export function decodeCursor(encoded: string | undefined, sort: Sort): QueueCursor | null {
  if (!encoded) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const { v, id } = parsed.data;
    if (v === null) return { value: null, id };
    // A cursor carries the value of its own sort: a priority key is a number, a time a string.
    if (sort === "priority") return typeof v === "number" ? { value: v, id } : null;
    return typeof v === "string" ? { value: new Date(v), id } : null;
  } catch {
    return null;
  }
}
