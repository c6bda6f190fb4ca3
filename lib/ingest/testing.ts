import { afterAll, beforeEach } from "vitest";

import { eligibleFeedFrom } from "@/lib/jobs/x-feed";
import type { NormalizedPost } from "@/lib/posts/post";
import { createXClient } from "@/lib/x";
import { demoCredentials, startXSimulator, type XSimulator } from "@/lib/x-simulator";

import { createTestDatabase } from "../../tests/support/db";
import type { EligibleFeed, SyncOptions } from "./sync";

/** Test helpers for sync runs: a test bed, the simulator as a feed, a fixed feed, and a plain post. */

/**
 * Where the sync tests start: this test file's own database and an X simulator, both gone after its
 * tests; before each test, empty tables and a fresh writer that reads every language (`bed.writer`).
 *
 *   const bed = await syncTestbed();
 *   await syncEligiblePosts(bed.t.db, simulatorFeed(bed.sim), { writer: bed.writer });
 */
export async function syncTestbed() {
  const t = await createTestDatabase();
  const sim = await startXSimulator({ rateLimits: { requestsPerWindow: 10_000 } });
  afterAll(async () => {
    await sim.stop();
    await t.drop();
  });
  let writer: SyncOptions["writer"] | null = null;
  beforeEach(async () => {
    await t.db.$executeRaw`TRUNCATE posts, eligibility, job_runs, writers, audit_events CASCADE`;
    writer = await t.db.writer.create({ data: { name: "w", feedLang: "all" }, select: { id: true, testMode: true, feedSize: true, feedLang: true } });
  });
  return {
    t,
    sim,
    /** This test's writer. */
    get writer(): SyncOptions["writer"] {
      if (!writer) throw new Error("The test bed makes its writer before each test.");
      return writer;
    },
  };
}

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
