import type { NormalizedPost } from "@/lib/posts/post";
import { createXClient } from "@/lib/x";
import { demoCredentials, type XSimulator } from "@/lib/x-simulator";

import type { EligibleFeed } from "./sync";
import { eligibleFeedFrom } from "@/lib/jobs/x-feed";

/** Test helpers for sync runs: the simulator as a feed, a fixed feed, and a plain post. */

export function simulatorFeed(sim: XSimulator): EligibleFeed {
  return eligibleFeedFrom(
    createXClient({
      baseUrl: sim.url,
      auth: {
        kind: "oauth1",
        consumerKey: demoCredentials.app.consumerKey,
        consumerSecret: demoCredentials.app.consumerSecret,
        accessToken: demoCredentials.writer.accessToken,
        accessTokenSecret: demoCredentials.writer.accessTokenSecret,
      },
    }),
  );
}

export function fixedFeed(posts: NormalizedPost[]): EligibleFeed {
  return async function* () {
    yield posts;
  };
}

export function fakePost(id: string, overrides: Partial<NormalizedPost> = {}): NormalizedPost {
  return {
    id,
    text: `Post ${id} claims 3 million people moved in 2025.`,
    authorId: "1",
    authorUsername: "someone",
    authorName: "Someone",
    postedAt: "2026-11-20T10:00:00.000Z",
    lang: "en",
    media: [],
    mediaType: "none",
    referencedPosts: [],
    noteRequests: [],
    suggestedSources: [],
    matchedMediaNotes: [],
    publicMetrics: { like_count: 1 },
    ...overrides,
  };
}
