import "server-only";

import { getDb, Prisma, type AuthorKind, type DraftState } from "@/lib/db";

import type { Actor, DraftCounts, QueuePage, QueueRowDto } from "./dto";
import type { QueueFilters } from "./queue-filters";
import { decodeCursor, encodeCursor, queueConditions, queueFrom, queueSegments, type QueueCursor } from "./queue-sql";
import { liveClaim } from "./sql";
import { draftStates } from "./transitions";

/** Characters of post text a queue row carries; the detail view has the rest. */
const EXCERPT_LENGTH = 280;

type QueueRow = {
  id: string;
  state: DraftState;
  version: number;
  readyAt: Date | null;
  aiDecision: string | null;
  postId: string;
  excerpt: string;
  truncated: boolean;
  authorUsername: string | null;
  authorName: string | null;
  lang: string | null;
  mediaType: string;
  noteRequestCount: number;
  postedAt: Date | null;
  revisionText: string | null;
  classification: string | null;
  authorKind: AuthorKind | null;
  claimedById: string | null;
  claimedByName: string | null;
  claimedAt: Date | null;
  claimedUntil: Date | null;
};

/** One page of the queue in keyset order; `nextCursor` is null on the last page. */
export async function listQueue(filters: QueueFilters, viewer: Actor): Promise<QueuePage> {
  const conditions = queueConditions(filters, viewer.id);
  const cursor = decodeCursor(filters.cursor);
  const segments = queueSegments(filters.sort);
  const start = cursor ? segments.findIndex((s) => s.hasReadyAt === (cursor.readyAt !== null)) : 0;

  // One row more than the page shows tells whether another page exists.
  const wanted = filters.limit + 1;
  const rows: QueueRow[] = [];
  for (const [index, segment] of segments.entries()) {
    if (index < start || rows.length >= wanted) continue;
    const after = index === start ? cursor : null;
    rows.push(
      ...(await getDb().$queryRaw<QueueRow[]>`
        SELECT d.id, d.state, d.version, d.ready_at AS "readyAt", d.ai_decision AS "aiDecision",
               p.id AS "postId", left(p.text, ${EXCERPT_LENGTH}) AS excerpt, length(p.text) > ${EXCERPT_LENGTH} AS truncated,
               p.author_username AS "authorUsername", p.author_name AS "authorName", p.lang,
               p.media_type AS "mediaType", p.note_request_count AS "noteRequestCount", p.posted_at AS "postedAt",
               r.text AS "revisionText", r.classification, r.author_kind AS "authorKind",
               CASE WHEN ${liveClaim} THEN d.claimed_by_id END AS "claimedById",
               CASE WHEN ${liveClaim} THEN u.name END AS "claimedByName",
               d.claimed_at AS "claimedAt", d.claimed_until AS "claimedUntil"
        FROM ${queueFrom}
        LEFT JOIN users AS u ON u.id = d.claimed_by_id
        WHERE ${Prisma.join([...conditions, segment.where(after)], " AND ")}
        ORDER BY ${segment.order}
        LIMIT ${wanted - rows.length}`),
    );
  }

  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > filters.limit && last ? encodeCursor({ readyAt: last.readyAt, id: last.id } satisfies QueueCursor) : null;
  return { rows: page.map(toQueueRow), nextCursor };
}

function toQueueRow(row: QueueRow): QueueRowDto {
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    readyAt: row.readyAt,
    aiDecision: row.aiDecision,
    post: {
      id: row.postId,
      excerpt: row.excerpt,
      truncated: row.truncated,
      authorUsername: row.authorUsername,
      authorName: row.authorName,
      lang: row.lang,
      mediaType: row.mediaType,
      noteRequestCount: row.noteRequestCount,
      postedAt: row.postedAt,
    },
    currentRevision:
      row.revisionText !== null && row.classification !== null && row.authorKind !== null
        ? { text: row.revisionText, classification: row.classification, authorKind: row.authorKind }
        : null,
    claim:
      row.claimedById && row.claimedByName && row.claimedAt && row.claimedUntil
        ? { byId: row.claimedById, byName: row.claimedByName, since: row.claimedAt, until: row.claimedUntil }
        : null,
  };
}

/**
 * Drafts per state, for the queue's tabs: one GROUP BY that Postgres answers from the leading
 * column of the (state, ready_at, id) index — or of (writer_id, state, …) for one writer.
 */
export async function countDraftsByState(writerId?: string): Promise<DraftCounts> {
  const rows = await getDb().$queryRaw<{ state: DraftState; count: number }[]>`
    SELECT d.state, count(*)::int AS count
    FROM drafts AS d
    ${writerId ? Prisma.sql`WHERE d.writer_id = ${writerId}` : Prisma.empty}
    GROUP BY d.state`;
  const counts = Object.fromEntries(draftStates.map((state) => [state, 0])) as DraftCounts;
  for (const row of rows) counts[row.state] = row.count;
  return counts;
}
