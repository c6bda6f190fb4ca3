import "server-only";

import { Prisma, type DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import type { TriageAssessment } from "./types";

/**
 * An assessment as one row of a jsonb recordset. Kept small, since every byte is sent with each
 * page (and Prisma encodes raw parameters twice): nulls and empty evidence are left out, and
 * jsonb_to_recordset reads a missing field as NULL.
 */
export function triageRecord(a: TriageAssessment) {
  return {
    checkability: a.checkability,
    verdict: a.verdict,
    reasons: a.reasons.map(({ evidence, ...rest }) => (evidence.length ? { ...rest, evidence } : rest)),
    assessed_by: a.assessedBy,
    ...(a.model === null ? {} : { model: a.model }),
    ...(a.promptVersion === null ? {} : { prompt_version: a.promptVersion }),
    priority_base: a.priorityBase,
    priority_factors: a.priorityFactors,
    aged_from: a.agedFrom.toISOString(),
    priority_key: a.priorityKey,
  };
}

/** The column definitions of `triageRecord` for jsonb_to_recordset. */
export const TRIAGE_RECORD_COLUMNS = Prisma.sql`checkability float8, verdict text, reasons jsonb, assessed_by text,
  model text, prompt_version text, priority_base float8, priority_factors jsonb, aged_from timestamp, priority_key float8`;

/**
 * The one statement that writes triage, from `source`: rows of `triageRecord` fields plus
 * `post_id` and `post_hash` (the content hash the assessment was made from). It keeps a reviewer's
 * overturn: the machine's fields are refreshed, an overturned `verdict` is not. Rows are taken in
 * post id order, so runs triaging overlapping posts at once wait for each other and never deadlock.
 */
export function upsertTriageFrom(source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO post_triage (post_id, content_hash, checkability, machine_verdict, verdict, reasons, assessed_by, model,
                             prompt_version, priority_base, priority_factors, aged_from, priority_key, triaged_at)
    SELECT s.post_id, s.post_hash, s.checkability, s.verdict, s.verdict, s.reasons, s.assessed_by, s.model,
           s.prompt_version, s.priority_base, s.priority_factors, s.aged_from, s.priority_key, ${utcNow}
      FROM (${source}) AS s
     ORDER BY s.post_id
    ON CONFLICT (post_id) DO UPDATE SET
           content_hash = EXCLUDED.content_hash, checkability = EXCLUDED.checkability,
           machine_verdict = EXCLUDED.machine_verdict,
           verdict = CASE WHEN post_triage.overturned_at IS NULL THEN EXCLUDED.machine_verdict ELSE post_triage.verdict END,
           reasons = EXCLUDED.reasons, assessed_by = EXCLUDED.assessed_by, model = EXCLUDED.model,
           prompt_version = EXCLUDED.prompt_version, priority_base = EXCLUDED.priority_base,
           priority_factors = EXCLUDED.priority_factors, aged_from = EXCLUDED.aged_from,
           priority_key = EXCLUDED.priority_key, triaged_at = EXCLUDED.triaged_at`;
}

/** An assessment and the content hash of the post version it was made from. */
export type AssessedVersion = { assessment: TriageAssessment; contentHash: string };

/**
 * Stores assessments made apart from the posts upsert (the model pass, the catch-up of untriaged
 * posts), in one statement. One lands only if the post still has the content it was made from: a
 * slow model answer about an older version is dropped rather than stored over a newer one.
 * Returns how many were stored.
 */
export async function saveAssessments(db: DbClient, versions: readonly AssessedVersion[]): Promise<number> {
  if (versions.length === 0) return 0;
  // ON CONFLICT may touch a row once per statement: one assessment per post, the last given.
  const rows = [...new Map(versions.map((v) => [v.assessment.postId, v])).values()].map(({ assessment, contentHash }) => ({
    post_id: assessment.postId,
    post_hash: contentHash,
    ...triageRecord(assessment),
  }));
  return db.$executeRaw(
    upsertTriageFrom(Prisma.sql`
      SELECT r.* FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(post_id text, post_hash text, ${TRIAGE_RECORD_COLUMNS})
        JOIN posts AS p ON p.id = r.post_id AND p.content_hash = r.post_hash`),
  );
}
