import "server-only";

import { defaultNoteFields, xPaths, xQueryParams } from "../fields";
import { normalizeNotesWrittenPage, type NormalizedWrittenNote } from "../normalize-note";
import { parseBody } from "../parse";
import { toProblem, type XProblem } from "../problem";
import { fieldList } from "../query";
import { notesWrittenResponseSchema } from "../schemas/notes-written";
import type { Transport } from "../transport";

export type NotesWrittenQuery = {
  testMode: boolean;
  /** 1–100; X's default is 10. */
  maxResults?: number;
  paginationToken?: string;
  noteFields?: readonly string[];
};

export type NotesWrittenPage = {
  notes: NormalizedWrittenNote[];
  nextToken: string | null;
  resultCount: number;
  problems: XProblem[];
  raw: unknown;
};

export async function getNotesWritten(transport: Transport, query: NotesWrittenQuery): Promise<NotesWrittenPage> {
  const response = await transport.send({
    method: "GET",
    path: xPaths.notesWritten,
    query: {
      [xQueryParams.testMode]: String(query.testMode),
      [xQueryParams.maxResults]: query.maxResults === undefined ? undefined : String(query.maxResults),
      [xQueryParams.paginationToken]: query.paginationToken,
      [xQueryParams.noteFields]: fieldList(query.noteFields ?? defaultNoteFields),
    },
    idempotent: true,
    testMode: query.testMode,
  });
  const page = parseBody(notesWrittenResponseSchema, response);
  return {
    notes: normalizeNotesWrittenPage(page),
    nextToken: page.meta.next_token ?? null,
    resultCount: page.meta.result_count,
    problems: (page.errors ?? []).map(toProblem),
    raw: response.body,
  };
}
