import "server-only";

import type { NormalizedPost } from "@/lib/posts/post";

import {
  defaultExpansions,
  defaultMediaFields,
  defaultPostFields,
  defaultUserFields,
  xPaths,
  xQueryParams,
  type FeedSize,
} from "../fields";
import { normalizeEligiblePage } from "../normalize-post";
import { parseBody } from "../parse";
import { toProblem, type XProblem } from "../problem";
import { fieldList, postSelection } from "../query";
import { eligiblePostsResponseSchema } from "../schemas/eligible-posts";
import type { Transport } from "../transport";

export type EligiblePostsQuery = {
  /** true = the fixed test feed (until admission); false = the live feed. */
  testMode: boolean;
  /** 1–100; X's default is 10. */
  maxResults?: number;
  paginationToken?: string;
  /** X's default is small. */
  feedSize?: FeedSize;
  /** A language code or "all"; X's default is English. */
  feedLang?: string;
  /** Sent as `tweet.fields`. */
  postFields?: readonly string[];
  expansions?: readonly string[];
  mediaFields?: readonly string[];
  userFields?: readonly string[];
};

export type EligiblePostsPage = {
  posts: NormalizedPost[];
  nextToken: string | null;
  resultCount: number;
  newestId: string | null;
  oldestId: string | null;
  /** Problems X reported beside the data (e.g. a referenced post that was deleted). */
  problems: XProblem[];
  raw: unknown;
};

export async function getEligiblePosts(transport: Transport, query: EligiblePostsQuery): Promise<EligiblePostsPage> {
  const response = await transport.send({
    method: "GET",
    path: xPaths.eligiblePosts,
    query: {
      [xQueryParams.testMode]: String(query.testMode),
      [xQueryParams.maxResults]: query.maxResults === undefined ? undefined : String(query.maxResults),
      [xQueryParams.paginationToken]: query.paginationToken,
      [xQueryParams.postSelection]: postSelection(query),
      [xQueryParams.postFields]: fieldList(query.postFields ?? defaultPostFields),
      [xQueryParams.expansions]: fieldList(query.expansions ?? defaultExpansions),
      [xQueryParams.mediaFields]: fieldList(query.mediaFields ?? defaultMediaFields),
      [xQueryParams.userFields]: fieldList(query.userFields ?? defaultUserFields),
    },
    idempotent: true,
    testMode: query.testMode,
  });
  const page = parseBody(eligiblePostsResponseSchema, response);
  return {
    posts: normalizeEligiblePage(page),
    nextToken: page.meta.next_token ?? null,
    resultCount: page.meta.result_count,
    newestId: page.meta.newest_id ?? null,
    oldestId: page.meta.oldest_id ?? null,
    problems: (page.errors ?? []).map(toProblem),
    raw: response.body,
  };
}
