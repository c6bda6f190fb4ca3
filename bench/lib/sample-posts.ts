import type { NormalizedPost } from "../../lib/posts/post";
import { createXClient } from "../../lib/x";
import { demoCredentials, startXSimulator } from "../../lib/x-simulator";

/** Posts for ingestion benchmarks: the simulator's feeds, scaled up, in X's page size. */

export const PAGE = 100;

export async function simulatorPosts(): Promise<NormalizedPost[]> {
  const sim = await startXSimulator({ rateLimits: { requestsPerWindow: 100_000 } });
  sim.control.admitWriter(demoCredentials.writer.id);
  const client = createXClient({ baseUrl: sim.url, auth: { kind: "oauth2", userAccessToken: demoCredentials.writer.oauth2UserToken } });
  const posts: NormalizedPost[] = [];
  for (const testMode of [true, false]) {
    for await (const page of client.iterateEligiblePosts({ testMode, feedLang: "all", maxResults: 100, maxPages: 20 })) posts.push(...page.posts);
  }
  await sim.stop();
  return posts;
}

/** `count` distinct posts shaped like the simulator's: its posts again under fresh ids. */
export function scaleTo(count: number, samples: NormalizedPost[]): NormalizedPost[] {
  return Array.from({ length: count }, (_, i) => {
    const sample = samples[i % samples.length] as NormalizedPost;
    return { ...sample, id: String(1_900_000_000_000_000_000n + BigInt(i)), text: `${sample.text} #${i}` };
  });
}

export function pages(posts: NormalizedPost[]): NormalizedPost[][] {
  return Array.from({ length: Math.ceil(posts.length / PAGE) }, (_, i) => posts.slice(i * PAGE, (i + 1) * PAGE));
}
