/** An evaluator result as stored (X's raw outcome), read for display. */
export type StoredEvaluatorResult = { type: string; bucket: string | null; score: number | null };

/**
 * Reads `evaluator_results` as it came from X: a bucket in any casing, or a float (historical
 * TopicalRelevance and HarassmentAbuse) in `evaluator_score` or in the bucket field itself.
 * Anything that is not an outcome is skipped, not thrown on: this is display, not validation.
 */
export function readEvaluatorResults(stored: unknown): StoredEvaluatorResult[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry): StoredEvaluatorResult[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const { evaluator_type: type, evaluator_score_bucket: bucket, evaluator_score: score } = entry as Record<string, unknown>;
    if (typeof type !== "string") return [];
    return [
      {
        type,
        bucket: typeof bucket === "string" ? bucket.toLowerCase() : null,
        score: typeof score === "number" ? score : typeof bucket === "number" ? bucket : null,
      },
    ];
  });
}

/** The float results beside the three current buckets: what the table shows after the buckets. */
export function scoredResults(stored: unknown): StoredEvaluatorResult[] {
  return readEvaluatorResults(stored).filter((result) => result.score !== null);
}
