import { feedPosts, pageOf } from "../feed";
import { decodePaginationToken, encodePaginationToken } from "../pagination-token";
import { problems, type Reply } from "../problems";
import { QueryReader } from "../query-rules";
import { renderEligiblePosts } from "../render-posts";
import type { RouteContext } from "./context";

const PARAMETERS = ["test_mode", "max_results", "pagination_token", "post_selection", "tweet.fields", "expansions", "media.fields", "user.fields"];

export function eligiblePosts(ctx: RouteContext): Reply {
  const query = new QueryReader(ctx.url.searchParams, PARAMETERS);
  const testMode = query.testMode();
  const maxResults = query.maxResults();
  const selection = query.postSelection();
  const scope = `posts:${testMode}:${selection.feedSize}:${selection.feedLang}`;
  const cursor = query.paginationToken((token) => decodePaginationToken(scope, token));
  const fields = {
    tweetFields: query.fields("tweet.fields"),
    expansions: query.fields("expansions"),
    mediaFields: query.fields("media.fields"),
    userFields: query.fields("user.fields"),
  };
  if (query.issues.length > 0) return problems.invalidRequest(query.issues);
  if (!testMode && !ctx.writer.admitted) return problems.notAdmitted();

  const feed = feedPosts(ctx.state.data, { testMode, ...selection }, ctx.state.clock.elapsedMs());
  const { items, hasMore } = pageOf(feed, maxResults, cursor);
  const last = items.at(-1);
  const body = renderEligiblePosts(items, { data: ctx.state.data, selection: fields, variants: ctx.state.variants, origin: ctx.origin });
  return {
    status: 200,
    body: {
      ...body,
      meta: {
        result_count: items.length,
        ...(items[0] && { newest_id: items[0].id }),
        ...(last && { oldest_id: last.id }),
        ...(hasMore && last && { next_token: encodePaginationToken(scope, last.id) }),
      },
    },
  };
}
