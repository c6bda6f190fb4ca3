import { z } from "zod";

/** Every documented shape the API has been seen to answer in; the simulator answers in the one selected. */
export const responseVariantsSchema = z.object({
  /** notes_written test_result: live `{evaluation_outcome: [...]}` or the older single flat outcome. */
  testResult: z.enum(["evaluation_outcome", "flat"]),
  /** "historical" adds July 2025's float TopicalRelevance and float (lower-better) HarassmentAbuse. */
  evaluators: z.enum(["current", "historical"]),
  /** notes_written post_id inside info (live) or beside it (older spec). */
  postIdPlacement: z.enum(["info", "top_level"]),
  /** POST /2/notes answers `{data: {id}}` (spec) or `{data: {note_id}}` (quickstart). */
  createdNoteIdKey: z.enum(["id", "note_id"]),
  /** 200 in the older spec, 201 in the newer. */
  createStatus: z.union([z.literal(200), z.literal(201)]),
  bucketCase: z.enum(["capitalized", "lowercase"]),
  /** suggested_source_links_with_counts url: each post's own mix, all strings (newer) or all URL entities (older). */
  sourceLinkForm: z.enum(["mixed", "string", "entity"]),
  /** What notes_written says as status for test notes. */
  testNoteStatus: z.enum(["absent", "empty", "needs_more_ratings"]),
  /** Which evaluate path exists: /2/evaluate_note, /2/notes/evaluate or both. */
  evaluatePaths: z.enum(["both", "evaluate_note", "notes_evaluate"]),
  problemContentType: z.enum(["application/problem+json", "application/json"]),
});

export type ResponseVariants = z.infer<typeof responseVariantsSchema>;

export const defaultVariants: ResponseVariants = {
  testResult: "evaluation_outcome",
  evaluators: "current",
  postIdPlacement: "info",
  createdNoteIdKey: "id",
  createStatus: 201,
  bucketCase: "capitalized",
  sourceLinkForm: "mixed",
  testNoteStatus: "absent",
  evaluatePaths: "both",
  problemContentType: "application/problem+json",
};

export const variantsPatchSchema = responseVariantsSchema.partial().strict();
