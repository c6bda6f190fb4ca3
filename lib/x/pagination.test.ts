import { describe, expect, it } from "vitest";

import { paginate } from "./pagination";

type Page = { items: number[]; nextToken: string | null };

function fakeFeed(pageCount: number) {
  const requested: (string | undefined)[] = [];
  const fetchPage = async (token: string | undefined): Promise<Page> => {
    requested.push(token);
    const index = token === undefined ? 0 : Number(token);
    return { items: [index], nextToken: index + 1 < pageCount ? String(index + 1) : null };
  };
  return { fetchPage, requested };
}

async function collect(pages: AsyncIterable<Page>): Promise<number[]> {
  const seen: number[] = [];
  for await (const page of pages) seen.push(...page.items);
  return seen;
}

describe("paginate", () => {
  it("follows next_token to the last page", async () => {
    const feed = fakeFeed(3);
    expect(await collect(paginate(feed.fetchPage, { maxPages: 10 }))).toEqual([0, 1, 2]);
    expect(feed.requested).toEqual([undefined, "1", "2"]);
  });

  it("stops at the page cap", async () => {
    const feed = fakeFeed(100);
    expect(await collect(paginate(feed.fetchPage, { maxPages: 2 }))).toEqual([0, 1]);
    expect(feed.requested).toHaveLength(2);
  });

  it("yields the page that satisfies stopWhen, then stops", async () => {
    const feed = fakeFeed(100);
    expect(await collect(paginate(feed.fetchPage, { maxPages: 10, stopWhen: (page) => page.items.includes(1) }))).toEqual([0, 1]);
  });

  it("starts from a given token", async () => {
    const feed = fakeFeed(5);
    expect(await collect(paginate(feed.fetchPage, { maxPages: 10 }, "3"))).toEqual([3, 4]);
  });
});
