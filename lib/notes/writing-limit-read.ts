import "server-only";

import { getDb, Prisma, type DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import { rememberNotesData } from "./memo";
import { ratedStatus, writtenAt } from "./sql";
import { hitRate, writingLimit, type WritingLimit, type WritingLimitInputs } from "./writing-limit";

/** A hit-rate window as counted: notes, and the CRH and CRNH among them. */
export type HitRateWindow = { helpful: number; notHelpful: number; notes: number };

export type WritingLimitEstimate = WritingLimit & {
  inputs: WritingLimitInputs;
  /** The counts behind the inputs, for showing the working. */
  windows: { recent: HitRateWindow; last100: HitRateWindow; last14d: HitRateWindow };
  /** Production notes that have a status other than needs_more_ratings. */
  rated: number;
  notesLast30d: number;
};

type Counts = {
  total: number;
  rated: number;
  nh5: number;
  nh10: number;
  notesLast30d: number;
  r20Notes: number;
  r20Helpful: number;
  r20NotHelpful: number;
  r100Notes: number;
  r100Helpful: number;
  r100NotHelpful: number;
  d14Notes: number;
  d14Helpful: number;
  d14NotHelpful: number;
};

const CRH = "currently_rated_helpful";
const CRNH = "currently_rated_not_helpful";

/**
 * How many candidates are checked for "the last notes to get a status": a note got its status no
 * later than its last change, so the latest-changed 100 hold the latest-rated 10 unless more than
 * 90 older notes were rated after those 100 last changed — which a writer would have to try for.
 */
const RATED_CANDIDATES = 100;

/**
 * The formula's inputs from the writer's production notes, in one query. What the API hides is
 * approximated, and the page says so:
 * - "the last 5/10 notes with a non-NMR status" are ordered by when each first showed such a status
 *   in a snapshot (by when it was written if it had one from the start);
 * - HR_R and HR_100 count the last 20 and 100 notes written, needs_more_ratings included, as X's
 *   formula reads; HR_14d leaves out notes still without a status, because the number of ratings
 *   (X excludes notes with fewer than 10) is not visible through the API;
 * - DN_30 counts production notes written in the last 30 days (sent from Notedesk or seen by a refresh).
 */
export function estimateWritingLimit(writerId: string, db: DbClient = getDb()): Promise<WritingLimitEstimate> {
  return rememberNotesData(writerId, "writing-limit", () => computeEstimate(writerId, db));
}

async function computeEstimate(writerId: string, db: DbClient): Promise<WritingLimitEstimate> {
  const [counts] = await db.$queryRaw<Counts[]>`
    WITH notes AS (
      SELECT n.id, n.status, n.last_changed_at, ${writtenAt} AS written_at,
        row_number() OVER (ORDER BY ${writtenAt} DESC, n.id DESC) AS recency
      FROM written_notes n LEFT JOIN submissions s ON s.id = n.submission_id
      WHERE n.writer_id = ${writerId} AND NOT n.test_mode
    ),
    candidates AS (
      SELECT * FROM notes WHERE ${ratedStatus(Prisma.sql`status`)} ORDER BY last_changed_at DESC, id DESC LIMIT ${RATED_CANDIDATES}
    ),
    last_rated AS (
      SELECT c.status, row_number() OVER (ORDER BY coalesce(first_rated.at, c.written_at) DESC, c.id DESC) AS place
      FROM candidates c
      LEFT JOIN LATERAL (
        SELECT min(ns.observed_at) AS at FROM note_snapshots ns WHERE ns.note_id = c.id AND ${ratedStatus(Prisma.sql`ns.status`)}
      ) first_rated ON true
    )
    SELECT
      (SELECT count(*) FROM notes)::int AS total,
      (SELECT count(*) FROM notes WHERE ${ratedStatus(Prisma.sql`status`)})::int AS rated,
      (SELECT count(*) FROM last_rated WHERE place <= 5 AND status = ${CRNH})::int AS nh5,
      (SELECT count(*) FROM last_rated WHERE place <= 10 AND status = ${CRNH})::int AS nh10,
      (SELECT count(*) FROM notes WHERE written_at > ${utcNow} - interval '30 days')::int AS "notesLast30d",
      count(*) FILTER (WHERE recency <= 20)::int AS "r20Notes",
      count(*) FILTER (WHERE recency <= 20 AND status = ${CRH})::int AS "r20Helpful",
      count(*) FILTER (WHERE recency <= 20 AND status = ${CRNH})::int AS "r20NotHelpful",
      count(*) FILTER (WHERE recency <= 100)::int AS "r100Notes",
      count(*) FILTER (WHERE recency <= 100 AND status = ${CRH})::int AS "r100Helpful",
      count(*) FILTER (WHERE recency <= 100 AND status = ${CRNH})::int AS "r100NotHelpful",
      count(*) FILTER (WHERE in14d)::int AS "d14Notes",
      count(*) FILTER (WHERE in14d AND status = ${CRH})::int AS "d14Helpful",
      count(*) FILTER (WHERE in14d AND status = ${CRNH})::int AS "d14NotHelpful"
    FROM (SELECT *, written_at > ${utcNow} - interval '14 days' AND ${ratedStatus(Prisma.sql`status`)} AS in14d FROM notes) windows`;
  return estimateFrom(counts ?? emptyCounts);
}

const emptyCounts: Counts = {
  total: 0, rated: 0, nh5: 0, nh10: 0, notesLast30d: 0, r20Notes: 0, r20Helpful: 0, r20NotHelpful: 0,
  r100Notes: 0, r100Helpful: 0, r100NotHelpful: 0, d14Notes: 0, d14Helpful: 0, d14NotHelpful: 0,
};

function estimateFrom(c: Counts): WritingLimitEstimate {
  const windows = {
    recent: { notes: c.r20Notes, helpful: c.r20Helpful, notHelpful: c.r20NotHelpful },
    last100: { notes: c.r100Notes, helpful: c.r100Helpful, notHelpful: c.r100NotHelpful },
    last14d: { notes: c.d14Notes, helpful: c.d14Helpful, notHelpful: c.d14NotHelpful },
  };
  const inputs: WritingLimitInputs = {
    NH_5: c.nh5,
    NH_10: c.nh10,
    HR_R: hitRate(windows.recent),
    HR_100: hitRate(windows.last100),
    HR_14d: hitRate(windows.last14d),
    DN_30: c.notesLast30d / 30,
    T: c.total,
  };
  return { ...writingLimit(inputs), inputs, windows, rated: c.rated, notesLast30d: c.notesLast30d };
}
