export type PageLimits<Page> = {
  /** Hard cap: the live feed never runs out. */
  maxPages: number;
  /** Checked after each page is yielded, e.g. "this page held only posts we already have". */
  stopWhen?: (page: Page) => boolean;
};

/** Follows `next_token` until X stops giving one, the page cap is reached or the caller says stop. */
export async function* paginate<Page extends { nextToken: string | null }>(
  fetchPage: (paginationToken: string | undefined) => Promise<Page>,
  limits: PageLimits<Page>,
  firstToken?: string,
): AsyncGenerator<Page, void, undefined> {
  let token = firstToken;
  for (let fetched = 0; fetched < limits.maxPages; fetched += 1) {
    const page = await fetchPage(token);
    yield page;
    if (page.nextToken === null || limits.stopWhen?.(page)) return;
    token = page.nextToken;
  }
}
