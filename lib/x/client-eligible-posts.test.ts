import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { normalizedPostSchema } from "@/lib/posts/post";

import type { EligiblePostsPage } from "./endpoints/eligible-posts";
import { XApiError } from "./errors";
import { defaultPostFields } from "./fields";
import { demoOAuth2, startSimulatedClient, type SimulatedClient } from "./test-support";

let ctx: SimulatedClient;
beforeEach(async () => {
  ctx = await startSimulatedClient();
});
afterEach(() => ctx.sim.stop());

async function collect(pages: AsyncIterable<EligiblePostsPage>): Promise<EligiblePostsPage[]> {
  const all: EligiblePostsPage[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

async function failure(promise: Promise<unknown>): Promise<XApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XApiError);
  return error as XApiError;
}

describe("getEligiblePosts against the simulator", () => {
  it("asks for the recommended fields, escapes post_selection, and returns valid Notedesk posts", async () => {
    const page = await ctx.client.getEligiblePosts({ testMode: true, maxResults: 25, feedSize: "large", feedLang: "all" });
    const [request] = ctx.sim.control.requests();
    expect(request?.path).toContain("post_selection=feed_size%3Alarge%2Cfeed_lang%3Aall");
    expect(request?.path).toContain(`tweet.fields=${defaultPostFields.join("%2C")}`);
    expect(request?.path).toContain("expansions=attachments.media_keys%2Creferenced_tweets.id%2C");
    expect(page.posts).toHaveLength(25);
    expect(page.nextToken).not.toBeNull();
    expect(page.resultCount).toBe(25);
    expect(page.newestId).toBe(page.posts[0]?.id);
    for (const post of page.posts) normalizedPostSchema.parse(post);
  });

  it("serves English by default and filters by feed_lang", async () => {
    const english = await ctx.client.getEligiblePosts({ testMode: true, maxResults: 100 });
    expect(english.posts.every((p) => p.lang === "en")).toBe(true);
    const spanish = await ctx.client.getEligiblePosts({ testMode: true, maxResults: 100, feedLang: "es" });
    expect(spanish.posts.length).toBeGreaterThan(0);
    expect(spanish.posts.every((p) => p.lang === "es")).toBe(true);
  });

  it("pages through the whole test feed, newest first, until X stops giving a next_token", async () => {
    const pages = await collect(ctx.client.iterateEligiblePosts({ testMode: true, maxResults: 10, maxPages: 100 }));
    const ids = pages.flatMap((p) => p.posts.map((post) => post.id));
    const expected = ctx.sim.control.posts(true).filter((p) => p.lang === "en").map((p) => p.id);
    expect(ids).toEqual(expected);
    expect(pages.at(-1)?.nextToken).toBeNull();
    expect(pages).toHaveLength(Math.ceil(expected.length / 10));
  });

  it("stops at the page cap", async () => {
    const pages = await collect(ctx.client.iterateEligiblePosts({ testMode: true, maxResults: 5, maxPages: 2 }));
    expect(pages).toHaveLength(2);
    expect(ctx.sim.control.requests()).toHaveLength(2);
  });

  it("stops at the first page holding only posts already known, as the live feed grows", async () => {
    ctx.sim.control.admitWriter();
    const query = { testMode: false, maxResults: 10, feedSize: "xxl", feedLang: "all" } as const;
    const known = new Set((await ctx.client.getEligiblePosts({ ...query, maxResults: 100 })).posts.map((p) => p.id));

    ctx.sim.control.advanceClock(60 * 60_000); // ten more posts at one per six minutes
    const pages = await collect(
      ctx.client.iterateEligiblePosts({ ...query, maxPages: 50, stopWhen: (page) => page.posts.every((p) => known.has(p.id)) }),
    );
    expect(pages).toHaveLength(2);
    expect(pages[0]?.posts.every((p) => !known.has(p.id))).toBe(true);
    expect(pages[1]?.posts.every((p) => known.has(p.id))).toBe(true);
  });

  it("marks deleted referenced posts missing and keeps X's errors beside the data", async () => {
    const pages = await collect(ctx.client.iterateEligiblePosts({ testMode: true, maxResults: 100, feedLang: "all", maxPages: 5 }));
    const posts = pages.flatMap((p) => p.posts);
    const missing = posts.flatMap((p) => p.referencedPosts).filter((r) => r.missing);
    const present = posts.flatMap((p) => p.referencedPosts).filter((r) => !r.missing);
    expect(missing.length).toBeGreaterThan(0);
    expect(present.length).toBeGreaterThan(0);
    expect(present.every((r) => r.text !== null && r.authorUsername !== null)).toBe(true);
    const problems = pages.flatMap((p) => p.problems);
    expect(problems.map((p) => p.parameter)).toContain("referenced_tweets.id");
    expect(new Set(missing.map((r) => r.id))).toEqual(new Set(problems.map((p) => String(p.value))));
  });

  it("normalizes suggested sources identically in the string and URL-entity forms", async () => {
    const sources = async () =>
      (await ctx.client.getEligiblePosts({ testMode: true, maxResults: 100, feedLang: "all" })).posts.map((p) => p.suggestedSources);
    const mixed = await sources();
    ctx.sim.control.setVariants({ sourceLinkForm: "entity" });
    const entities = await sources();
    ctx.sim.control.setVariants({ sourceLinkForm: "string" });
    const strings = await sources();
    expect(mixed.flat().length).toBeGreaterThan(0);
    expect(entities).toEqual(mixed);
    expect(strings).toEqual(mixed);
  });

  it("refuses the live feed before admission and serves it after", async () => {
    const refused = await failure(ctx.client.getEligiblePosts({ testMode: false }));
    expect(refused).toMatchObject({ kind: "not_admitted", httpStatus: 403 });
    ctx.sim.control.admitWriter();
    expect((await ctx.client.getEligiblePosts({ testMode: false })).posts.length).toBeGreaterThan(0);
  });

  it("reports an invalid query with X's parameter", async () => {
    const error = await failure(ctx.client.getEligiblePosts({ testMode: true, maxResults: 500 }));
    expect(error).toMatchObject({ kind: "validation", httpStatus: 400, parameter: "max_results", value: "500" });
    expect(error.message).toContain("is not between 1 and 100");
  });

  it("signs query values with reserved characters correctly (the token is refused as invalid, not the signature)", async () => {
    const error = await failure(ctx.client.getEligiblePosts({ testMode: true, paginationToken: "a+b/c= d&e:f" }));
    expect(error).toMatchObject({ kind: "validation", parameter: "pagination_token", value: "a+b/c= d&e:f" });
  });

  it("authenticates with an OAuth 2.0 user token too", async () => {
    const page = await ctx.clientWith({ auth: demoOAuth2 }).getEligiblePosts({ testMode: true, maxResults: 3 });
    expect(page.posts).toHaveLength(3);
  });
});
