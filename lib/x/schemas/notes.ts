import { z } from "zod";

import { partialErrorsSchema } from "./common";

/** `{"data":{"id":…}}` per the spec, `{"data":{"note_id":…}}` per the quickstart. */
export const createNoteResponseSchema = z
  .looseObject({
    data: z.looseObject({ id: z.string().optional(), note_id: z.string().optional() }),
    errors: partialErrorsSchema,
  })
  .refine((r) => r.data.id !== undefined || r.data.note_id !== undefined, {
    message: "expected the new note's id (data.id or data.note_id)",
    path: ["data", "id"],
  })
  .transform((r) => ({ noteId: (r.data.id ?? r.data.note_id) as string }));

export const evaluateNoteResponseSchema = z.looseObject({
  data: z.looseObject({ claim_opinion_score: z.number() }),
});

export const deleteNoteResponseSchema = z.looseObject({
  data: z.looseObject({ deleted: z.boolean() }),
});
