import "server-only";

import { getDb, Prisma, type AuthorKind, type DraftState } from "@/lib/db";
import type { PostExcerptDto } from "@/lib/posts/excerpt";
import { triageOf, triageVerdicts, type TriagedOutPage, type TriageVerdict } from "@/lib/triage";

import type { Actor, DraftCounts, QueuePage, QueueCounts, QueueRowDto } from "./dto";
import type { QueueFilters } from "./queue-filters";
import { decodeCursor, encodeCursor, pendingStates, queueConditions, queueFrom, queuePosition, segmentsAfter, type QueueCursor } from "./queue-sql";
import { liveClaim } from "./sql";
import { draftStates } from "./transitions";

/** Characters of post text a queue row carries; the detail view has the rest. */
const EXCERPT_LENGTH = 280;

/** The row carries its post's excerpt columns flat, the post's id as `postId`. */
type QueueRow = Omit<PostExcerptDto, "id"> & {
  id: string;
  state: DraftState;
  version: number;
  readyAt: Date | null;
  priorityKey: number | null;
  aiDecision: string | null;
  postId: string;
  triageVerdict: string | null;
  checkability: number | null;
  overturned: boolean;
  revisionText: string | null;
  classification: string | null;
  authorKind: AuthorKind | null;
  claimedById: string | null;
  claimedByName: string | null;
  claimedAt: Date | null;
  claimedUntil: Date | null;
};

/** Up to `limit` rows of the filtered queue after `after`, in the sort's order or (`backwards`) its reverse. */
async function readQueue(filters: QueueFilters, viewer: Actor, after: QueueCursor | null, limit: number, backwards = false): Promise<QueueRow[]> {
  const conditions = queueConditions(filters, viewer.id);
  const rows: QueueRow[] = [];
  for (const { segment, after: from } of segmentsAfter(filters.sort, after, backwards)) {
    if (rows.length >= limit) break;
    rows.push(
      ...(await getDb().$queryRaw<QueueRow[]>`
        SELECT d.id, d.state, d.version, d.ready_at AS "readyAt", d.priority_key AS "priorityKey", d.ai_decision AS "aiDecision",
               p.id AS "postId", left(p.text, ${EXCERPT_LENGTH}) AS excerpt, length(p.text) > ${EXCERPT_LENGTH} AS truncated,
               p.author_username AS "authorUsername", p.author_name AS "authorName", p.lang,
               p.media_type AS "mediaType", p.note_request_count AS "noteRequestCount", p.posted_at AS "postedAt",
               p.triage_verdict AS "triageVerdict", p.checkability, p.overturned_at IS NOT NULL AS overturned,
               r.text AS "revisionText", r.classification, r.author_kind AS "authorKind",
               CASE WHEN ${liveClaim} THEN d.claimed_by_id END AS "claimedById",
               CASE WHEN ${liveClaim} THEN u.name END AS "claimedByName",
               d.claimed_at AS "claimedAt", d.claimed_until AS "claimedUntil"
        FROM ${queueFrom}
        LEFT JOIN users AS u ON u.id = d.claimed_by_id
        WHERE ${Prisma.join([...conditions, segment.where(from)], " AND ")}
        ORDER BY ${segment.order}
        LIMIT ${limit - rows.length}`),
    );
  }
  return rows;
}

const cursorOf = (row: Pick<QueueRow, "id" | "readyAt" | "priorityKey">, sort: QueueFilters["sort"]): QueueCursor => ({
  value: sort === "priority" ? row.priorityKey : row.readyAt,
  id: row.id,
});

/** One page of the queue in keyset order; `nextCursor` is null on the last page. */
export async function listQueue(filters: QueueFilters, viewer: Actor): Promise<QueuePage> {
  // One row more than the page shows tells whether another page exists.
  const rows = await readQueue(filters, viewer, decodeCursor(filters.cursor, filters.sort), filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filters.limit && last ? encodeCursor(cursorOf(last, filters.sort)) : null;
  return { rows: page.map(toQueueRow), nextCursor };
}

export type QueueNeighbors = { previous: string | null; next: string | null };

/**
 * The drafts on either side of this one in the list the reviewer came from (same filters and
 * order): one keyset step each way from the draft's own position, a few index probes.
 */
export async function queueNeighbors(draft: { id: string }, filters: QueueFilters, viewer: Actor): Promise<QueueNeighbors> {
  const here = await queuePosition(getDb(), draft.id, filters.sort);
  if (!here) return { previous: null, next: null };
  const [after, before] = await Promise.all([readQueue(filters, viewer, here, 1), readQueue(filters, viewer, here, 1, true)]);
  return { next: after[0]?.id ?? null, previous: before[0]?.id ?? null };
}

const isVerdict = (value: string | null): value is TriageVerdict => (triageVerdicts as readonly (string | null)[]).includes(value);

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
    triage:
      isVerdict(row.triageVerdict) && row.checkability !== null && row.priorityKey !== null
        ? { verdict: row.triageVerdict, checkability: row.checkability, overturned: row.overturned, priorityKey: row.priorityKey }
        : null,
  };
}

/**
 * One page of the posts triage put out (a reviewer's overturn included), highest priority first,
 * with their reasons: the "Triaged out" tab. The page's ids come from the partial index of
 * triaged-out posts by (priority_key, id), read backwards from the cursor; then the posts themselves.
 */
export async function listTriagedOut(filters: Pick<QueueFilters, "cursor" | "limit">): Promise<TriagedOutPage> {
  const after = decodeCursor(filters.cursor, "priority");
  const ids = await getDb().$queryRaw<{ id: string; priorityKey: number }[]>`
    SELECT p.id, p.priority_key AS "priorityKey" FROM posts AS p
     WHERE p.triage_verdict = 'out'${after?.value != null ? Prisma.sql` AND (p.priority_key, p.id) < (${after.value}::float8, ${after.id})` : Prisma.empty}
     ORDER BY p.priority_key DESC, p.id DESC
     LIMIT ${filters.limit + 1}`;
  const page = ids.slice(0, filters.limit);
  const posts = await getDb().post.findMany({
    where: { id: { in: page.map((r) => r.id) } },
    include: { overturnedBy: { select: { id: true, name: true } } },
  });
  const byId = new Map(posts.map((post) => [post.id, post]));
  const rows = page.flatMap(({ id }) => {
    const post = byId.get(id);
    const triage = post && triageOf(post);
    if (!post || !triage) return [];
    // In characters, as the drafts' rows count them with SQL's left().
    const characters = Array.from(post.text);
    return [
      {
        post: {
          id: post.id,
          excerpt: characters.slice(0, EXCERPT_LENGTH).join(""),
          truncated: characters.length > EXCERPT_LENGTH,
          authorUsername: post.authorUsername,
          authorName: post.authorName,
          lang: post.lang,
          mediaType: post.mediaType,
          noteRequestCount: post.noteRequestCount,
          postedAt: post.postedAt,
        },
        triage,
      },
    ];
  });
  const last = page.at(-1);
  return { rows, nextCursor: ids.length > filters.limit && last ? encodeCursor({ value: last.priorityKey, id: last.id }) : null };
}

/**
 * The queue's tab counts, each what its list shows. Per state: one GROUP BY over the drafts, which
 * Postgres answers from the leading column of the (state, ready_at, id) index — or of (writer_id,
 * state, …) for one writer — less the waiting drafts of triaged-out posts, which the pending lists
 * leave out: the partial index of triaged-out posts (read index-only) joined to their drafts (by
 * drafts_post_id_idx, or a hash join over the waiting drafts when the posts are many: at 100,000
 * drafts with 30,000 posts out, the latter), never a read of every draft's post. The "Triaged out" tab lists posts, for every writer:
 * counted from the same partial index. docs/review.md has the cost; the page caches it (recent-counts.ts).
 */
export async function countQueue(writerId?: string): Promise<QueueCounts> {
  const ofWriter = writerId ? Prisma.sql`d.writer_id = ${writerId}` : Prisma.sql`true`;
  const [rows, [out]] = await Promise.all([
    getDb().$queryRaw<{ state: DraftState; count: number }[]>`
      SELECT d.state, count(*)::int AS count FROM drafts AS d WHERE ${ofWriter} GROUP BY d.state
      UNION ALL
      SELECT d.state, -count(*)::int FROM posts AS p JOIN drafts AS d ON d.post_id = p.id
       WHERE p.triage_verdict = 'out' AND d.state IN (${Prisma.join(pendingStates.map((state) => Prisma.sql`${state}::"DraftState"`))}) AND ${ofWriter}
       GROUP BY d.state`,
    getDb().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM posts WHERE triage_verdict = 'out'`,
  ]);
  const states = Object.fromEntries(draftStates.map((state) => [state, 0])) as DraftCounts;
  for (const row of rows) states[row.state] += row.count;
  return { states, triagedOut: out?.count ?? 0 };
}
