import "server-only";

import { isXApiError } from "../errors";
import { xPaths } from "../fields";
import { parseBody } from "../parse";
import { deleteNoteResponseSchema } from "../schemas/notes";
import type { Transport } from "../transport";

export async function deleteNote(transport: Transport, noteId: string): Promise<{ deleted: boolean }> {
  try {
    const response = await transport.send({ method: "DELETE", path: xPaths.note(noteId), idempotent: true });
    const parsed = parseBody(deleteNoteResponseSchema, response);
    return { deleted: parsed.data.deleted };
  } catch (error) {
    // A retry that finds nothing means an earlier attempt whose answer was lost (or someone else) already
    // deleted it: the note is gone either way, which is what the caller asked for.
    if (isXApiError(error) && error.kind === "not_found" && error.attempts > 1) return { deleted: true };
    throw error;
  }
}
