import "server-only";

import { defaultNoteFields, xPaths, xQueryParams } from "../fields";
import { normalizeNotesWrittenPage, type NormalizedWrittenNote } from "../normalize-note";
import { fieldList } from "../query";
import { notesWrittenResponseSchema } from "../schemas/notes-written";
import type { Transport } from "../transport";

import { getPage, type PageMeta, type PagedQuery } from "./paged-read";

export type NotesWrittenQuery = PagedQuery & { noteFields?: readonly string[] };

export type NotesWrittenPage = PageMeta & { notes: NormalizedWrittenNote[] };

export async function getNotesWritten(transport: Transport, query: NotesWrittenQuery): Promise<NotesWrittenPage> {
  const { body, meta } = await getPage(transport, {
    path: xPaths.notesWritten,
    query,
    params: { [xQueryParams.noteFields]: fieldList(query.noteFields ?? defaultNoteFields) },
    schema: notesWrittenResponseSchema,
  });
  return { notes: normalizeNotesWrittenPage(body), ...meta };
}
