import { validateNoteSubmission } from "../note-rules";
import { problems, type Reply } from "../problems";
import type { RouteContext } from "./context";

/** POST /2/notes: every rule X enforces, then one note per post per writer and mode. */
export function createNote(ctx: RouteContext): Reply {
  const result = validateNoteSubmission(ctx.body);
  if (!result.ok) return problems.invalidRequest(result.issues);
  const { note } = result;
  if (!note.testMode && !ctx.writer.admitted) return problems.notAdmitted();
  if (note.isMediaNote) {
    return problems.forbidden("Media notes require a writing impact of at least 100 over the last 90 days.");
  }
  const post = ctx.state.notablePost(note.testMode, note.postId);
  if (!post) {
    return problems.invalidRequest([
      {
        parameter: "post_id",
        value: note.postId,
        message: `Post [${note.postId}] is not eligible for a ${note.testMode ? "test" : "production"} note from this writer`,
      },
    ]);
  }
  if (post.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown")) {
    return problems.forbidden("This post already shows a matching media note and does not accept new notes.");
  }
  if (ctx.state.notebook.existing(ctx.writer.id, note.testMode, note.postId)) return problems.duplicateNote();

  const created = ctx.state.notebook.create(ctx.writer.id, note, ctx.state.clock.now());
  const { createStatus, createdNoteIdKey } = ctx.state.variants;
  return { status: createStatus, body: { data: { [createdNoteIdKey]: created.id } } };
}
