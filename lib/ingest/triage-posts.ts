import "server-only";

import type { DbClient } from "@/lib/db";
import { toNormalizedPost } from "@/lib/drafting/stored-post";
import type { NormalizedPost } from "@/lib/posts/post";
import { saveAssessments, triagePost, type ModelPassCandidate, type TriageAssessment } from "@/lib/triage";

import type { ChangedPost } from "./upsert-posts";

/**
 * The triage of every post on a page, by id, for the upsert to store with the posts it writes.
 * Assessed before the upsert knows which posts changed: the heuristics cost far less than a second
 * statement, and the sync stops at the first page of posts it already holds.
 */
export function assessPage(page: readonly NormalizedPost[], now: Date): Map<string, TriageAssessment> {
  return new Map(page.map((post) => [post.id, triagePost(post, now)]));
}

/** The posts the upsert wrote, with the triage it stored for them: what the run counts and the model may refine. */
export function triagedByUpsert(
  page: readonly NormalizedPost[],
  changed: readonly ChangedPost[],
  assessments: ReadonlyMap<string, TriageAssessment>,
  now: Date,
): ModelPassCandidate[] {
  // The same last-one-wins as the upsert when a page repeats a post.
  const byId = new Map(page.map((p) => [p.id, p]));
  return changed.flatMap(({ id, contentHash }) => {
    const post = byId.get(id);
    const heuristic = assessments.get(id);
    return post && heuristic ? [{ post, contentHash, firstSeenAt: now, heuristic }] : [];
  });
}

/**
 * Of posts the run saw unchanged, those stored without a triage (before triage existed, or by a
 * path that does not triage), triaged now. Primary-key lookups over what the run saw, so it costs
 * nothing on a first pull and little on a re-pull, never a scan of every post.
 */
export async function triageUntriagedPosts(db: DbClient, seenUnchanged: readonly string[]): Promise<ModelPassCandidate[]> {
  if (seenUnchanged.length === 0) return [];
  const rows = await db.post.findMany({ where: { id: { in: [...new Set(seenUnchanged)] }, triageVerdict: null } });
  const candidates = rows.map((row) => {
    const post = toNormalizedPost(row);
    return { post, contentHash: row.contentHash, firstSeenAt: row.firstSeenAt, heuristic: triagePost(post, row.firstSeenAt) };
  });
  await saveAssessments(db, candidates.map((c) => ({ assessment: c.heuristic, contentHash: c.contentHash })));
  return candidates;
}
