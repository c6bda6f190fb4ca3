import "server-only";

import { getDb, Prisma } from "@/lib/db";

import type { FilterOptionsDto, NoteRowDto, NotesPageDto } from "./dto";
import { scoredResults } from "./evaluators";
import { encodeCursor, type NoteOrigin, type NotesFilters, type NotesQuery } from "./filters";
import { rememberNotesData } from "./memo";
import { origin, originJoins } from "./sql";
import { notesWhere } from "./where";

const NOTES_PAGE_SIZE = 50;

/** A table row's columns and the joins they need, over `n` (shared with findNoteRow). */
const rowColumns = Prisma.sql`n.id, n.post_id AS "postId", nullif(left(p.text, 240), '') AS "postText", n.text,
  n.test_mode AS "testMode", n.status, n.claim_opinion AS "claimOpinion", n.url_validity AS "urlValidity",
  n.harassment_abuse AS "harassmentAbuse", n.evaluator_results AS "evaluatorResults", s.completed_at AS "submittedAt",
  n.first_seen_at AS "firstSeenAt", n.last_changed_at AS "lastChangedAt", u.name AS "approvedBy", ${origin} AS origin`;
const rowJoins = Prisma.sql`LEFT JOIN posts p ON p.id = n.post_id ${originJoins} LEFT JOIN users u ON u.id = s.approved_by_id`;

type Row = {
  id: string;
  postId: string;
  postText: string | null;
  text: string;
  testMode: boolean;
  status: string | null;
  claimOpinion: string | null;
  urlValidity: string | null;
  harassmentAbuse: string | null;
  evaluatorResults: unknown;
  submittedAt: Date | null;
  firstSeenAt: Date;
  lastChangedAt: Date;
  approvedBy: string | null;
  origin: NoteOrigin;
};

/**
 * One page of the notes table, keyset-paginated on (sort column, id) so page 200 costs what page 1
 * does. The page's ids are found first on written_notes alone (joined only as far as the filters
 * need); the 50 rows are then joined to posts, submissions and users.
 */
export async function listNotes(writerId: string, query: NotesQuery): Promise<NotesPageDto> {
  const db = getDb();
  const where = notesWhere(writerId, query);
  const column = Prisma.raw(query.sort === "first_seen" ? "n.first_seen_at" : "n.last_changed_at");
  const backward = query.before !== undefined && query.after === undefined;
  const cursor = backward ? query.before : query.after;
  // Walking backward reads the rows before the cursor in reverse, then flips them.
  const descending = (query.dir === "desc") !== backward;
  const order = Prisma.raw(descending ? "DESC" : "ASC");
  const keyset = cursor ? Prisma.sql`AND (${column}, n.id) ${Prisma.raw(descending ? "<" : ">")} (${cursor.at}, ${cursor.id})` : Prisma.empty;

  const [rows, total] = await Promise.all([
    db.$queryRaw<Row[]>`
      WITH page AS (
        SELECT n.id, ${column} AS sort_key FROM written_notes n ${originJoins}
        WHERE ${where} ${keyset}
        ORDER BY ${column} ${order}, n.id ${order}
        LIMIT ${NOTES_PAGE_SIZE + 1}
      )
      SELECT ${rowColumns}
      FROM page JOIN written_notes n ON n.id = page.id ${rowJoins}
      ORDER BY page.sort_key ${order}, n.id ${order}`,
    // Every filter reads what a refresh stores, so the count holds until the next one.
    rememberNotesData(writerId, `count:${filterKey(query)}`, async () => {
      const [count] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM written_notes n ${originJoins} WHERE ${where}`;
      return count?.total ?? 0;
    }),
  ]);

  const more = rows.length > NOTES_PAGE_SIZE;
  const shown = rows.slice(0, NOTES_PAGE_SIZE);
  if (backward) shown.reverse();
  const key = (row: Row | undefined) => row && encodeCursor(query.sort === "first_seen" ? row.firstSeenAt : row.lastChangedAt, row.id);
  const first = key(shown[0]) ?? null;
  const last = key(shown.at(-1)) ?? null;
  return {
    rows: shown.map(toRowDto),
    total,
    nextCursor: backward ? last : more ? last : null,
    previousCursor: backward ? (more ? first : null) : cursor ? first : null,
  };
}

function toRowDto(row: Row): NoteRowDto {
  return {
    id: row.id,
    postId: row.postId,
    postText: row.postText,
    text: row.text,
    mode: row.testMode ? "test" : "production",
    status: row.status,
    claimOpinion: row.claimOpinion,
    urlValidity: row.urlValidity,
    harassmentAbuse: row.harassmentAbuse,
    scores: scoredResults(row.evaluatorResults),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastChangedAt: row.lastChangedAt.toISOString(),
    approvedBy: row.approvedBy,
    origin: row.origin,
  };
}

/** One note as a table row, whichever writer it belongs to. */
export async function findNoteRow(noteId: string): Promise<NoteRowDto | null> {
  const [row] = await getDb().$queryRaw<Row[]>`SELECT ${rowColumns} FROM written_notes n ${rowJoins} WHERE n.id = ${noteId}`;
  return row ? toRowDto(row) : null;
}

/** What the filter menus offer: the statuses this writer's notes have, and who approved them. */
export function notesFilterOptions(writerId: string): Promise<FilterOptionsDto> {
  return rememberNotesData(writerId, "filter-options", async () => {
    const db = getDb();
    const [statuses, approvers] = await Promise.all([
      db.$queryRaw<{ status: string }[]>`
        SELECT DISTINCT status FROM written_notes WHERE writer_id = ${writerId} AND coalesce(status, '') <> '' ORDER BY status`,
      db.$queryRaw<{ id: string; name: string }[]>`
        SELECT DISTINCT u.id, u.name FROM written_notes n JOIN submissions s ON s.id = n.submission_id JOIN users u ON u.id = s.approved_by_id
        WHERE n.writer_id = ${writerId} ORDER BY u.name`,
    ]);
    return { statuses: statuses.map((s) => s.status), approvers };
  });
}

function filterKey(filters: NotesFilters): string {
  return [filters.mode, filters.status, filters.co, filters.uv, filters.ha, filters.origin, filters.approver].join("|");
}
