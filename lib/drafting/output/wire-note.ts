import { z } from "zod";

import { classificationSchema, misleadingTagSchema, type NoteInput } from "@/lib/note-text";

/**
 * A note as models read and write it: the field names of X's POST /2/notes `info` object, which
 * models know from the API docs. Notedesk's own code uses the camelCase `NoteInput`.
 */
export const wireNoteSchema = z
  .object({
    text: z.string().trim(),
    classification: classificationSchema,
    misleading_tags: z.array(misleadingTagSchema),
    trustworthy_sources: z.boolean(),
  })
  .transform(
    (wire): NoteInput => ({
      text: wire.text,
      classification: wire.classification,
      misleadingTags: wire.misleading_tags,
      trustworthySources: wire.trustworthy_sources,
    }),
  );

export type WireNote = z.input<typeof wireNoteSchema>;

export function toWireNote(note: NoteInput): WireNote {
  return {
    text: note.text,
    classification: note.classification,
    misleading_tags: note.misleadingTags,
    trustworthy_sources: note.trustworthySources,
  };
}
