import "server-only";

import { Prisma, type DbClient } from "@/lib/db";

import type { TriageAssessment, TriageReason } from "./types";

/**
 * Triage is stored in the post's own row (docs/triage.md, Data): checkability, both verdicts, the
 * priority key, the signal that pulled hardest towards out, and the model's opinion where one was
 * asked. The reasons themselves are not stored; read.ts derives them from the post when shown. What
 * is stored is kept small on purpose: every byte travels with each page a sync writes.
 */

/** The signal that pulled hardest towards out, a blocking one first; null when none pulled that way. */
export function strongestAgainst(reasons: readonly TriageReason[]): string | null {
  let against: TriageReason | null = null;
  for (const reason of reasons) {
    if (reason.blocking) return reason.signal;
    if (reason.weight < 0 && (!against || reason.weight < against.weight)) against = reason;
  }
  return against?.signal ?? null;
}

/**
 * An assessment as fields of a jsonb recordset row; absent fields read as NULL. The strongest
 * signal against is kept for posts the machine put out: why they are out, in one word.
 */
export function triageRecord(a: TriageAssessment) {
  const against = a.verdict === "out" ? strongestAgainst(a.reasons) : null;
  return {
    checkability: a.checkability,
    verdict: a.verdict,
    priority_key: a.priorityKey,
    ...(against === null ? {} : { against }),
    ...(a.opinion
      ? { model: a.opinion.model, prompt_version: a.opinion.promptVersion, model_checkable: a.opinion.checkable, model_reason: a.opinion.reason }
      : {}),
  };
}

/** How an assessment travels in a recordset and lands in posts: its SQL parts. */
export type TriageFields = {
  /** Column definitions of `triageRecord`'s fields for jsonb_to_recordset. */
  record: Prisma.Sql;
  /** The posts columns they fill. */
  columns: Prisma.Sql;
  /** The values for `columns` from a recordset row, assessed at `at` (one parameter, not a clock read per row). */
  values: (row: Prisma.Sql, at: Date) => Prisma.Sql;
};

const heuristicFields: TriageFields = {
  record: Prisma.sql`checkability float8, verdict text, priority_key float8, against text`,
  columns: Prisma.sql`checkability, triage_verdict, machine_verdict, priority_key, triage_against, triaged_at`,
  values: (r, at) => Prisma.sql`${r}.checkability, ${r}.verdict, ${r}.verdict, ${r}.priority_key, ${r}.against, ${at}::timestamp(3)`,
};
/** With the model's opinion too: always for assessments stored apart, where one without an opinion must clear an old one. */
const allFields: TriageFields = {
  record: Prisma.sql`${heuristicFields.record}, model text, prompt_version text, model_checkable boolean, model_reason text`,
  columns: Prisma.sql`${heuristicFields.columns}, triage_model, triage_prompt_version, triage_model_checkable, triage_model_reason`,
  values: (r, at) => Prisma.sql`${heuristicFields.values(r, at)}, ${r}.model, ${r}.prompt_version, ${r}.model_checkable, ${r}.model_reason`,
};

/**
 * The parts for a sync page's assessments. Without a model's opinion among them (every page: the
 * model pass stores its answers apart) the opinion columns stay out of the recordset, and a new or
 * changed post gets their default, NULL, as an assessment by the heuristics alone should.
 */
export function triageFields(assessments: Iterable<TriageAssessment>): TriageFields {
  for (const a of assessments) if (a.opinion) return allFields;
  return heuristicFields;
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
  const rows = [...new Map(versions.map((v) => [v.assessment.postId, v])).values()].map(({ assessment, contentHash }) => ({
    post_id: assessment.postId,
    post_hash: contentHash,
    ...triageRecord(assessment),
  }));
  return db.$executeRaw`
    UPDATE posts SET ${reassessFrom(Prisma.sql`n`)}
      FROM (SELECT r.post_id, r.post_hash, ${allFields.values(Prisma.sql`r`, new Date())}
              FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(post_id text, post_hash text, ${allFields.record})
           ) AS n(post_id, post_hash, ${allFields.columns})
     WHERE posts.id = n.post_id AND posts.content_hash = n.post_hash`;
}
