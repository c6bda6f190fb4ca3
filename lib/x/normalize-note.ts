import type { ApiEvaluatorOutcome, ApiWrittenNote, NotesWrittenResponse } from "./schemas/notes-written";

export type EvaluatorResult = {
  type: string;
  /** Lower-cased (X sends High and high alike); null for evaluators that report a number. */
  bucket: string | null;
  /** Historical float evaluators (TopicalRelevance, the old HarassmentAbuse). */
  score: number | null;
  raw: unknown;
};

export type NormalizedWrittenNote = {
  id: string;
  postId: string;
  text: string;
  classification: string;
  misleadingTags: string[];
  trustworthySources: boolean;
  /** As X sent it (unknown statuses included); null when empty or absent, as on test notes. */
  status: string | null;
  evaluatorResults: EvaluatorResult[];
  /** The current evaluators' buckets, for filtering and aggregation. */
  buckets: { claimOpinion: string | null; urlValidity: string | null; harassmentAbuse: string | null };
};

function toEvaluatorResult(outcome: ApiEvaluatorOutcome): EvaluatorResult {
  const bucket = outcome.evaluator_score_bucket;
  return {
    type: outcome.evaluator_type,
    bucket: typeof bucket === "string" ? bucket.toLowerCase() : null,
    score: typeof bucket === "number" ? bucket : (outcome.evaluator_score ?? null),
    raw: outcome,
  };
}

function bucketOf(results: EvaluatorResult[], type: string): string | null {
  return results.find((r) => r.type.toLowerCase() === type.toLowerCase() && r.bucket !== null)?.bucket ?? null;
}

export function normalizeWrittenNote(note: ApiWrittenNote): NormalizedWrittenNote {
  const evaluatorResults = (note.test_result ?? []).map(toEvaluatorResult);
  return {
    id: note.id,
    // The schema guarantees one of the two.
    postId: (note.info.post_id ?? note.post_id) as string,
    text: note.info.text,
    classification: note.info.classification,
    misleadingTags: note.info.misleading_tags ?? [],
    trustworthySources: note.info.trustworthy_sources,
    status: note.status ? note.status : null,
    evaluatorResults,
    buckets: {
      claimOpinion: bucketOf(evaluatorResults, "ClaimOpinion"),
      urlValidity: bucketOf(evaluatorResults, "UrlValidity"),
      harassmentAbuse: bucketOf(evaluatorResults, "HarassmentAbuse"),
    },
  };
}

export function normalizeNotesWrittenPage(response: NotesWrittenResponse): NormalizedWrittenNote[] {
  return (response.data ?? []).map(normalizeWrittenNote);
}
