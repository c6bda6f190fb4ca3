import "server-only";

import { DomainError } from "@/lib/errors";
import type { EligibleFeed } from "@/lib/ingest/sync";
import { appXClient, feedSizes, type FeedSize, type XClient } from "@/lib/x";

/** The sync run stops on its own page cap and "only known posts" rule; this only bounds the client. */
const CLIENT_MAX_PAGES = 1_000;

/** The eligible-posts feed as the sync run reads it, served by an X API client. */
export function eligibleFeedFrom(client: XClient): EligibleFeed {
  return async function* ({ testMode, feedSize, feedLang, maxResults }) {
    const pages = client.iterateEligiblePosts({ testMode, feedSize: asFeedSize(feedSize), feedLang, maxResults, maxPages: CLIENT_MAX_PAGES });
    for await (const page of pages) yield page.posts;
  };
}

/**
 * The feed of the configured X account. The client is made when a sync first reads the feed, so a
 * missing configuration fails that sync run (shown on the Runs page) instead of the worker's start.
 */
export function configuredEligibleFeed(): EligibleFeed {
  let client: XClient | undefined;
  return (query) => {
    client ??= appXClient();
    return eligibleFeedFrom(client)(query);
  };
}

function asFeedSize(size: string): FeedSize {
  const known = feedSizes.find((s) => s === size);
  if (!known) throw new DomainError("invalid_state", `The writer's feed size "${size}" is not one X knows (${feedSizes.join(", ")}).`);
  return known;
}
