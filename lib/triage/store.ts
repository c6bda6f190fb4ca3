import "server-only";

import { Prisma, type DbClient } from "@/lib/db";

import type { TriageAssessment, TriageReason, TriageSignal, TriageVerdict } from "./types";

/**
 * Triage is stored in the post's own row (docs/triage.md, Data): checkability, both verdicts, the
 * priority key, the signal that pulled hardest towards out, and the model's opinion where one was
 * asked. The reasons themselves are not stored; read.ts derives them from the post when shown. What
 * is stored is kept small on purpose: every byte travels with each page a sync writes.
 */

/**
 * The signal that pulled hardest towards out, a blocking one first; null when none pulled that way.
 * The definition of an assessment's `against` over its reasons; scoring finds the same without them.
 */
export function strongestAgainst(reasons: readonly TriageReason[]): TriageSignal | null {
  let against: TriageReason | null = null;
  for (const reason of reasons) {
    if (reason.blocking) return reason.signal;
    if (reason.weight < 0 && (!against || reason.weight < against.weight)) against = reason;
  }
  return against?.signal ?? null;
}

/**
 * How assessments travel into a statement: one array parameter per stored field, zipped row by row
 * with the posts by ROWS FROM (each `unnest`). Arrays, not more keys in the page's jsonb: PostgreSQL
 * reads a float8[] straight into doubles, while each jsonb number of a recordset goes through numeric
 * and text (storing the assessments cost about half as much this way, docs/triage.md, Figures).
 */
export type TriageFields = {
  /** `unnest(…)` of each field, in the order of `names`, to go into ROWS FROM. */
  arrays: Prisma.Sql;
  /** The names the fields take in the row. */
  names: Prisma.Sql;
  /** The posts columns they fill. */
  columns: Prisma.Sql;
  /** The values for `columns` from a row, assessed at `at` (one parameter, not a clock read per row). */
  values: (row: Prisma.Sql, at: Date) => Prisma.Sql;
};

const HEURISTIC_NAMES = Prisma.sql`checkability, verdict, priority_key, against`;
const HEURISTIC_COLUMNS = Prisma.sql`checkability, triage_verdict, machine_verdict, priority_key, triage_against, triaged_at`;
const heuristicValues = (r: Prisma.Sql, at: Date) =>
  Prisma.sql`${r}.checkability, ${r}.verdict, ${r}.verdict, ${r}.priority_key, ${r}.against, ${at}::timestamp(3)`;

/**
 * The fields of `assessments`, one per row in row order (undefined: that row has none, and its fields
 * read as NULL). The strongest signal against is kept for posts the machine put out: why they are out,
 * in one word. The model's opinion columns come along when an assessment has one, or when `withOpinion`
 * says so (assessments stored apart, where one without an opinion must clear an old one). Without them
 * (every sync page: the model pass stores its answers apart) a new or changed post gets their default,
 * NULL, as an assessment by the heuristics alone should.
 */
export function triageFields(
  assessments: readonly (TriageAssessment | undefined)[],
  { withOpinion = assessments.some((a) => a?.opinion) }: { withOpinion?: boolean } = {},
): TriageFields {
  const column = <T>(field: (a: TriageAssessment) => T | null) => assessments.map((a) => (a ? field(a) : null));
  const literal = (field: (a: TriageAssessment) => Unquoted | null) => arrayLiteral(assessments, field);
  const heuristic = Prisma.sql`unnest(${literal((a) => a.checkability)}::float8[]), unnest(${literal((a) => a.verdict)}::text[]),
    unnest(${literal((a) => a.priorityKey)}::float8[]), unnest(${literal((a) => (a.verdict === "out" ? a.against : null))}::text[])`;
  if (!withOpinion) return { arrays: heuristic, names: HEURISTIC_NAMES, columns: HEURISTIC_COLUMNS, values: heuristicValues };
  return {
    arrays: Prisma.sql`${heuristic}, unnest(${column((a) => a.opinion?.model ?? null)}::text[]),
      unnest(${column((a) => a.opinion?.promptVersion ?? null)}::text[]), unnest(${column((a) => a.opinion?.checkable ?? null)}::boolean[]),
      unnest(${column((a) => a.opinion?.reason ?? null)}::text[])`,
    names: Prisma.sql`${HEURISTIC_NAMES}, model, prompt_version, model_checkable, model_reason`,
    columns: Prisma.sql`${HEURISTIC_COLUMNS}, triage_model, triage_prompt_version, triage_model_checkable, triage_model_reason`,
    values: (r, at) => Prisma.sql`${heuristicValues(r, at)}, ${r}.model, ${r}.prompt_version, ${r}.model_checkable, ${r}.model_reason`,
  };
}

/** What an array literal holds without quotes: numbers, and words of triage's own closed vocabulary. */
type Unquoted = number | TriageVerdict | TriageSignal;

/**
 * The PostgreSQL array literal of one field, "{0.35,0.62,NULL}", for fields that need no quoting or
 * escaping: what pg would make of a JS array, without quoting and escaping every element with two
 * regular expressions as pg does (≈ 3 ms less per 10,000 posts, a tenth of what storing triage costs,
 * docs/triage.md, Figures). Numbers are written as pg writes them.
 */
function arrayLiteral(assessments: readonly (TriageAssessment | undefined)[], field: (a: TriageAssessment) => Unquoted | null): string {
  let literal = "{";
  for (let i = 0; i < assessments.length; i++) {
    const assessment = assessments[i];
    const value = assessment ? field(assessment) : null;
    literal += `${i ? "," : ""}${value === null ? "NULL" : String(value)}`;
  }
  return `${literal}}`;
}

/**
 * SET clauses that replace the machine's assessment of a post from `source` (an EXCLUDED row or a
 * recordset row) and keep a reviewer's overturn: an overturned verdict is theirs until they change it.
 */
export const reassessFrom = (source: Prisma.Sql) => Prisma.sql`
  checkability = ${source}.checkability, machine_verdict = ${source}.machine_verdict,
  triage_verdict = CASE WHEN posts.overturned_at IS NULL THEN ${source}.machine_verdict ELSE posts.triage_verdict END,
  priority_key = ${source}.priority_key, triage_against = ${source}.triage_against, triaged_at = ${source}.triaged_at,
  triage_model = ${source}.triage_model, triage_prompt_version = ${source}.triage_prompt_version,
  triage_model_checkable = ${source}.triage_model_checkable, triage_model_reason = ${source}.triage_model_reason`;

/** An assessment and the content hash of the post version it was made from. */
export type AssessedVersion = { assessment: TriageAssessment; contentHash: string };

/**
 * Stores assessments made apart from the posts upsert (the model pass, the catch-up of untriaged
 * posts) in one statement (their drafts follow the new priority keys by trigger). One lands only if the post still has the
 * content it was made from: a slow model answer about an older version is dropped rather than
 * stored over a newer one. Returns how many were stored.
 */
export async function saveAssessments(db: DbClient, versions: readonly AssessedVersion[]): Promise<number> {
  if (versions.length === 0) return 0;
  // One assessment per post, the last given: an UPDATE joining two would apply either.
  const unique = [...new Map(versions.map((v) => [v.assessment.postId, v])).values()];
  const fields = triageFields(unique.map((v) => v.assessment), { withOpinion: true });
  return db.$executeRaw`
    UPDATE posts SET ${reassessFrom(Prisma.sql`n`)}
      FROM (SELECT r.post_id, r.post_hash, ${fields.values(Prisma.sql`r`, new Date())}
              FROM ROWS FROM (unnest(${unique.map((v) => v.assessment.postId)}::text[]), unnest(${unique.map((v) => v.contentHash)}::text[]), ${fields.arrays})
                   AS r(post_id, post_hash, ${fields.names})
           ) AS n(post_id, post_hash, ${fields.columns})
     WHERE posts.id = n.post_id AND posts.content_hash = n.post_hash`;
}
