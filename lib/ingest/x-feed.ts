import "server-only";

import { feedSizes, type XClient } from "@/lib/x";

import type { EligibleFeed } from "./sync";

/** The eligible-posts feed as the X client pages it; the sync run decides when to stop. */
export function xEligibleFeed(client: Pick<XClient, "iterateEligiblePosts">): EligibleFeed {
  return async function* feed(query) {
    const feedSize = feedSizes.find((size) => size === query.feedSize) ?? "small";
    for await (const page of client.iterateEligiblePosts({ ...query, feedSize })) yield page.posts;
  };
}
