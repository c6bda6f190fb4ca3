import { pageOf } from "../feed";
import { decodePaginationToken, encodePaginationToken } from "../pagination-token";
import { problems, type Reply } from "../problems";
import { QueryReader } from "../query-rules";
import { renderNote } from "../render-notes";
import type { RouteContext } from "./context";

const PARAMETERS = ["test_mode", "max_results", "pagination_token", "note.fields"];

export function notesWritten(ctx: RouteContext): Reply {
  const query = new QueryReader(ctx.url.searchParams, PARAMETERS);
  const testMode = query.testMode();
  const maxResults = query.maxResults();
  const scope = `notes:${ctx.writer.id}:${testMode}`;
  const cursor = query.paginationToken((token) => decodePaginationToken(scope, token));
  const noteFields = query.fields("note.fields");
  if (query.issues.length > 0) return problems.invalidRequest(query.issues);
  if (!testMode && !ctx.writer.admitted) return problems.notAdmitted();

  const { items, hasMore } = pageOf(ctx.state.notebook.list(ctx.writer.id, testMode), maxResults, cursor);
  const last = items.at(-1);
  const renderContext = {
    simulatedNow: ctx.state.clock.now(),
    scoringDelayMs: ctx.state.options.scoringDelayMs,
    variants: ctx.state.variants,
    noteFields,
  };
  return {
    status: 200,
    body: {
      ...(items.length > 0 && { data: items.map((note) => renderNote(note, renderContext)) }),
      meta: { result_count: items.length, ...(hasMore && last && { next_token: encodePaginationToken(scope, last.id) }) },
    },
  };
}
