import { describe, expect, it } from "vitest";

import { XApiError } from "./errors";
import { normalizeNotesWrittenPage } from "./normalize-note";
import { parseBody } from "./parse";
import { notesWrittenResponseSchema } from "./schemas/notes-written";

const parse = (body: unknown) =>
  parseBody(notesWrittenResponseSchema, { body, endpoint: "GET /2/notes/search/notes_written", status: 200, attempts: 1 });

const info = {
  text: "Context. https://stats.example.gov/a",
  classification: "misinformed_or_potentially_misleading",
  misleading_tags: ["missing_important_context"],
  trustworthy_sources: true,
};

function normalizeOne(note: Record<string, unknown>) {
  const [normalized] = normalizeNotesWrittenPage(parse({ data: [note], meta: { result_count: 1 } }));
  return normalized;
}

describe("normalizeWrittenNote", () => {
  it("reads the live shape: post_id in info, evaluation_outcome, capitalized buckets", () => {
    const note = normalizeOne({
      id: "1939827717186494817",
      info: { ...info, post_id: "1939719604957577716" },
      status: "needs_more_ratings",
      test_result: {
        evaluation_outcome: [
          { evaluator_type: "ClaimOpinion", evaluator_score_bucket: "High" },
          { evaluator_type: "UrlValidity", evaluator_score_bucket: "Low" },
          { evaluator_type: "HarassmentAbuse", evaluator_score_bucket: "Medium" },
        ],
      },
    });
    expect(note).toEqual({
      id: "1939827717186494817",
      postId: "1939719604957577716",
      text: info.text,
      classification: info.classification,
      misleadingTags: ["missing_important_context"],
      trustworthySources: true,
      status: "needs_more_ratings",
      evaluatorResults: [
        { type: "ClaimOpinion", bucket: "high", score: null, raw: { evaluator_type: "ClaimOpinion", evaluator_score_bucket: "High" } },
        { type: "UrlValidity", bucket: "low", score: null, raw: { evaluator_type: "UrlValidity", evaluator_score_bucket: "Low" } },
        { type: "HarassmentAbuse", bucket: "medium", score: null, raw: { evaluator_type: "HarassmentAbuse", evaluator_score_bucket: "Medium" } },
      ],
      buckets: { claimOpinion: "high", urlValidity: "low", harassmentAbuse: "medium" },
    });
  });

  it("reads the older shape: post_id beside info, one flat test_result, lower-case bucket, no status", () => {
    const note = normalizeOne({
      id: "2",
      post_id: "3",
      info,
      test_result: { evaluator_type: "ClaimOpinion", evaluator_score_bucket: "low" },
    });
    expect(note).toMatchObject({
      postId: "3",
      status: null,
      evaluatorResults: [{ type: "ClaimOpinion", bucket: "low", score: null }],
      buckets: { claimOpinion: "low", urlValidity: null, harassmentAbuse: null },
    });
  });

  it("keeps historical float evaluators as scores, in either field", () => {
    const note = normalizeOne({
      id: "2",
      info: { ...info, post_id: "3" },
      test_result: {
        evaluation_outcome: [
          { evaluator_type: "TopicalRelevance", evaluator_score: 0.82 },
          { evaluator_type: "HarassmentAbuse", evaluator_score_bucket: 0.03 },
        ],
      },
    });
    expect(note?.evaluatorResults.map(({ type, bucket, score }) => ({ type, bucket, score }))).toEqual([
      { type: "TopicalRelevance", bucket: null, score: 0.82 },
      { type: "HarassmentAbuse", bucket: null, score: 0.03 },
    ]);
    expect(note?.buckets.harassmentAbuse).toBeNull();
  });

  it("keeps unknown statuses and 'unknown' buckets as data; empty status is no status", () => {
    expect(normalizeOne({ id: "2", info: { ...info, post_id: "3" }, status: "brand_new_status" })?.status).toBe("brand_new_status");
    expect(normalizeOne({ id: "2", info: { ...info, post_id: "3" }, status: "" })?.status).toBeNull();
    expect(
      normalizeOne({ id: "2", info: { ...info, post_id: "3" }, test_result: { evaluation_outcome: [{ evaluator_type: "UrlValidity", evaluator_score_bucket: "Unknown" }] } })
        ?.buckets.urlValidity,
    ).toBe("unknown");
  });

  it("reads a not-misleading note without misleading_tags as having none", () => {
    const withoutTags = Object.fromEntries(Object.entries(info).filter(([key]) => key !== "misleading_tags"));
    expect(normalizeOne({ id: "2", info: { ...withoutTags, classification: "not_misleading", post_id: "3" } })?.misleadingTags).toEqual([]);
  });
});

describe("notes_written responses that fit no variant", () => {
  function fieldPathOf(note: Record<string, unknown>): string | null {
    try {
      parse({ data: [note], meta: { result_count: 1 } });
      return null;
    } catch (error) {
      expect((error as XApiError).kind).toBe("malformed_response");
      return (error as XApiError).fieldPath;
    }
  }

  it("names the offending field", () => {
    expect(fieldPathOf({ id: "2", info })).toBe("data[0].info.post_id");
    expect(fieldPathOf({ id: "2", info: { ...info, post_id: "3", trustworthy_sources: "yes" } })).toBe("data[0].info.trustworthy_sources");
    expect(fieldPathOf({ id: "2", info: { ...info, post_id: "3" }, test_result: { evaluation_outcome: [{ evaluator_type: 5 }] } })).toBe(
      "data[0].test_result.evaluation_outcome[0].evaluator_type",
    );
    expect(fieldPathOf({ id: "2", info: { ...info, post_id: "3" }, test_result: { evaluation_outcome: [{ evaluator_type: "ClaimOpinion" }] } })).toBe(
      "data[0].test_result.evaluation_outcome[0].evaluator_score_bucket",
    );
  });
});
