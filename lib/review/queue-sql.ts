import "server-only";

import { z } from "zod";

import { Prisma } from "@/lib/db";

import type { QueueFilters } from "./queue-filters";
import { liveClaim } from "./sql";

/**
 * The queue's filters as SQL over `drafts d JOIN posts p LEFT JOIN revisions r` (r = the current
 * revision). Shared by the list and by claimNext, so "next" means the next row the list shows.
 */
export function queueConditions(filters: QueueFilters, viewerId: string): Prisma.Sql[] {
  const conditions = [Prisma.sql`d.state = ${filters.state}::"DraftState"`];
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

/**
 * Oldest first is (ready_at, id) ascending with drafts that never reached the queue (no ready_at)
 * last; newest first is the exact reverse. Both are the (state, ready_at, id) index's own order.
 */
export function queueOrder(sort: QueueFilters["sort"]): Prisma.Sql {
  return sort === "oldest" ? Prisma.sql`d.ready_at ASC NULLS LAST, d.id ASC` : Prisma.sql`d.ready_at DESC NULLS FIRST, d.id DESC`;
}

/** A position in the queue: the last row of the previous page. */
export type QueueCursor = { readyAt: Date | null; id: string };

/**
 * The queue in the sort's order is two runs: rows with a ready_at and rows without. Each run is one
 * index range, so a page costs the same at row 100,000 as at row 1; an OR across the two would make
 * Postgres scan from the top (or sort everything) instead.
 */
export type QueueSegment = {
  hasReadyAt: boolean;
  where(after: QueueCursor | null): Prisma.Sql;
  order: Prisma.Sql;
};

export function queueSegments(sort: QueueFilters["sort"]): QueueSegment[] {
  const dated: QueueSegment = {
    hasReadyAt: true,
    order: sort === "oldest" ? Prisma.sql`d.ready_at ASC, d.id ASC` : Prisma.sql`d.ready_at DESC, d.id DESC`,
    where: (after) =>
      !after?.readyAt
        ? Prisma.sql`d.ready_at IS NOT NULL`
        : sort === "oldest"
          ? Prisma.sql`(d.ready_at, d.id) > (${after.readyAt}, ${after.id})`
          : Prisma.sql`(d.ready_at, d.id) < (${after.readyAt}, ${after.id})`,
  };
  const undated: QueueSegment = {
    hasReadyAt: false,
    order: sort === "oldest" ? Prisma.sql`d.id ASC` : Prisma.sql`d.id DESC`,
    where: (after) =>
      !after
        ? Prisma.sql`d.ready_at IS NULL`
        : sort === "oldest"
          ? Prisma.sql`d.ready_at IS NULL AND d.id > ${after.id}`
          : Prisma.sql`d.ready_at IS NULL AND d.id < ${after.id}`,
  };
  return sort === "oldest" ? [dated, undated] : [undated, dated];
}

const cursorSchema = z.object({ t: z.iso.datetime().nullable(), id: z.string().min(1).max(64) });

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.readyAt?.toISOString() ?? null, id: cursor.id })).toString("base64url");
}

/** null for anything that is not a cursor this code wrote: the list starts from the top. */
export function decodeCursor(encoded: string | undefined): QueueCursor | null {
  if (!encoded) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    return parsed.success ? { readyAt: parsed.data.t ? new Date(parsed.data.t) : null, id: parsed.data.id } : null;
  } catch {
    return null;
  }
}
