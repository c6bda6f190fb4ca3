import "server-only";

import { isXApiError } from "../errors";
import { xPaths } from "../fields";
import { parseBody } from "../parse";
import { evaluateNoteResponseSchema } from "../schemas/notes";
import type { Transport } from "../transport";

export type NoteEvaluation = {
  /** Unbounded; higher = more likely rated helpful, negative reads as opinion. */
  claimOpinionScore: number;
  raw: unknown;
};

export type EvaluateNote = (draft: { noteText: string; postId: string }) => Promise<NoteEvaluation>;

/**
 * evaluate_note lives at /2/evaluate_note in the older spec and /2/notes/evaluate in the newer. Try the path
 * that answered last time first and fall back on a 404, so a move by X costs one request, not an outage.
 * Evaluating has no side effect, so it is retried like a GET.
 */
export function createNoteEvaluator(transport: Transport): EvaluateNote {
  let answered: string | null = null;

  return async ({ noteText, postId }) => {
    const paths = answered === null ? [...xPaths.evaluateNote] : [answered, ...xPaths.evaluateNote.filter((p) => p !== answered)];
    let lastError: unknown;
    for (const path of paths) {
      try {
        const response = await transport.send({
          method: "POST",
          path,
          body: { note_text: noteText, post_id: postId },
          idempotent: true,
        });
        answered = path;
        const parsed = parseBody(evaluateNoteResponseSchema, response);
        return { claimOpinionScore: parsed.data.claim_opinion_score, raw: response.body };
      } catch (error) {
        if (!(isXApiError(error) && error.kind === "not_found")) throw error;
        lastError = error;
      }
    }
    throw lastError;
  };
}
