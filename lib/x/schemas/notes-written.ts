import { z } from "zod";

import { partialErrorsSchema, searchMetaSchema, xIdSchema } from "./common";

/**
 * One evaluator result. Current evaluators send a bucket (High/Medium/Low in any case); historical ones
 * (TopicalRelevance, the old HarassmentAbuse) sent a float, either as `evaluator_score` or in the bucket field.
 */
const evaluatorOutcomeSchema = z
  .looseObject({
    evaluator_type: z.string(),
    evaluator_score_bucket: z.union([z.string(), z.number()]).optional(),
    evaluator_score: z.number().optional(),
  })
  .refine((o) => o.evaluator_score_bucket !== undefined || o.evaluator_score !== undefined, {
    message: "expected evaluator_score_bucket or evaluator_score",
    path: ["evaluator_score_bucket"],
  });

/** Live API: `{evaluation_outcome: [...]}`; older spec and seed docs: one flat outcome. */
const testResultSchema = z.union([
  z.looseObject({ evaluation_outcome: z.array(evaluatorOutcomeSchema) }).transform((r) => r.evaluation_outcome),
  evaluatorOutcomeSchema.transform((outcome) => [outcome]),
]);

const noteInfoSchema = z.looseObject({
  text: z.string(),
  classification: z.string(),
  /** X leaves empty arrays out, so a not-misleading note may have none. */
  misleading_tags: z.array(z.string()).optional(),
  post_id: xIdSchema.optional(),
  trustworthy_sources: z.boolean(),
  is_media_note: z.boolean().optional(),
});

export const apiWrittenNoteSchema = z
  .looseObject({
    id: xIdSchema,
    info: noteInfoSchema,
    /** The older spec puts post_id beside info. */
    post_id: xIdSchema.optional(),
    status: z.string().nullish(),
    test_result: testResultSchema.nullish(),
  })
  .refine((note) => note.info.post_id !== undefined || note.post_id !== undefined, {
    message: "expected post_id inside info or beside it",
    path: ["info", "post_id"],
  });

export const notesWrittenResponseSchema = z.looseObject({
  data: z.array(apiWrittenNoteSchema).optional(),
  meta: searchMetaSchema,
  errors: partialErrorsSchema,
});

export type ApiEvaluatorOutcome = z.infer<typeof evaluatorOutcomeSchema>;
export type ApiWrittenNote = z.infer<typeof apiWrittenNoteSchema>;
export type NotesWrittenResponse = z.infer<typeof notesWrittenResponseSchema>;
