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
import { fieldList, postSelection } from "../query";
import { eligiblePostsResponseSchema } from "../schemas/eligible-posts";
import type { Transport } from "../transport";

import { getPage, type PageMeta, type PagedQuery } from "./paged-read";

export type EligiblePostsQuery = PagedQuery & {
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

export type EligiblePostsPage = PageMeta & {
  posts: NormalizedPost[];
  newestId: string | null;
  oldestId: string | null;
};

export async function getEligiblePosts(transport: Transport, query: EligiblePostsQuery): Promise<EligiblePostsPage> {
  const { body, meta } = await getPage(transport, {
    path: xPaths.eligiblePosts,
    query,
    params: {
      [xQueryParams.postSelection]: postSelection(query),
      [xQueryParams.postFields]: fieldList(query.postFields ?? defaultPostFields),
      [xQueryParams.expansions]: fieldList(query.expansions ?? defaultExpansions),
      [xQueryParams.mediaFields]: fieldList(query.mediaFields ?? defaultMediaFields),
      [xQueryParams.userFields]: fieldList(query.userFields ?? defaultUserFields),
    },
    schema: eligiblePostsResponseSchema,
  });
  return { posts: normalizeEligiblePage(body), ...meta, newestId: body.meta.newest_id ?? null, oldestId: body.meta.oldest_id ?? null };
}
