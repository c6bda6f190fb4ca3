import { problems, type Reply } from "../problems";
import type { RouteContext } from "./context";

export function deleteNote(ctx: RouteContext): Reply {
  const [noteId = ""] = ctx.params;
  if (!/^[0-9]{1,19}$/.test(noteId)) {
    return problems.invalidRequest([{ parameter: "id", value: noteId, message: "The `id` path parameter must match ^[0-9]{1,19}$" }]);
  }
  const note = ctx.state.notebook.find(ctx.writer.id, noteId);
  if (!note) return problems.notFound("note", "id", noteId);
  ctx.state.notebook.delete(note, ctx.state.clock.now());
  return { status: 200, body: { data: { deleted: true } } };
}
