import "server-only";

import { isXApiError, type XApiError, type XErrorKind } from "../errors";
import { xPaths, type MisleadingTag, type NoteClassification } from "../fields";
import { parseBody } from "../parse";
import { createNoteResponseSchema } from "../schemas/notes";
import type { Transport } from "../transport";

export type NewNote = {
  testMode: boolean;
  postId: string;
  text: string;
  classification: NoteClassification;
  /** Non-empty when misleading, [] when not. */
  misleadingTags: readonly MisleadingTag[];
  trustworthySources: boolean;
  /** Only for writers with a writing impact of 100 or more over 90 days. */
  isMediaNote?: boolean;
};

/** The canonical POST /2/notes body, exactly as sent: the submission record stores this. */
export type CreateNoteBody = {
  test_mode: boolean;
  post_id: string;
  info: {
    text: string;
    classification: NoteClassification;
    misleading_tags: MisleadingTag[];
    trustworthy_sources: boolean;
    is_media_note?: boolean;
  };
};

export function createNoteRequestBody(note: NewNote): CreateNoteBody {
  return {
    test_mode: note.testMode,
    post_id: note.postId,
    info: {
      text: note.text,
      classification: note.classification,
      misleading_tags: [...note.misleadingTags],
      trustworthy_sources: note.trustworthySources,
      ...(note.isMediaNote === undefined ? {} : { is_media_note: note.isMediaNote }),
    },
  };
}

/**
 * What became of a submission. `unknown` means the note may or may not exist (the request may have been
 * committed before the answer was lost): reconcile with notes_written before anything else, never resend
 * blindly, since a second note on the post is refused and wastes the writing limit.
 */
export type CreateNoteOutcome =
  | { kind: "created"; noteId: string; raw: unknown }
  | { kind: "duplicate"; error: XApiError }
  | { kind: "rejected"; error: XApiError }
  | { kind: "unknown"; error: XApiError };

const OUTCOME_UNKNOWN: ReadonlySet<XErrorKind> = new Set(["timeout", "network", "server_error", "malformed_response"]);

function outcomeOf(error: XApiError): CreateNoteOutcome {
  if (error.kind === "duplicate_note") return { kind: "duplicate", error };
  return OUTCOME_UNKNOWN.has(error.kind) ? { kind: "unknown", error } : { kind: "rejected", error };
}

/** Sends the note once. Never retried here: only reconciliation can tell whether a lost attempt landed. */
export async function createNote(transport: Transport, note: NewNote): Promise<CreateNoteOutcome> {
  try {
    const response = await transport.send({
      method: "POST",
      path: xPaths.notes,
      body: createNoteRequestBody(note),
      idempotent: false,
      createsNote: true,
      testMode: note.testMode,
    });
    const { noteId } = parseBody(createNoteResponseSchema, response);
    return { kind: "created", noteId, raw: response.body };
  } catch (error) {
    if (isXApiError(error)) return outcomeOf(error);
    throw error;
  }
}
