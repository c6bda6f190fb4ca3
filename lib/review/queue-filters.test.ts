import { describe, expect, it } from "vitest";

import { defaultQueueFilters, parseQueueFilters } from "./queue-filters";

describe("parseQueueFilters", () => {
  it("reads the page's searchParams", () => {
    expect(
      parseQueueFilters({ state: "rejected", lang: "pt-BR", mediaType: "video", claim: "mine", sort: "newest", limit: "50", classification: "not_misleading", noteRequests: "with", aiDecision: "no_note_needed", writer: "cw1abc", cursor: "eyJ0IjpudWxsfQ", view: "triaged_out" }),
    ).toEqual({ state: "rejected", lang: "pt-BR", mediaType: "video", claim: "mine", sort: "newest", limit: 50, classification: "not_misleading", noteRequests: "with", aiDecision: "no_note_needed", writer: "cw1abc", cursor: "eyJ0IjpudWxsfQ", view: "triaged_out" });
  });

  it("turns unknown or malformed values into defaults instead of failing", () => {
    expect(
      parseQueueFilters({ state: "deleted", lang: "'; drop table", mediaType: ["gif", "video"], claim: 7, sort: "", limit: "1000", cursor: "not a cursor!" }),
    ).toEqual(defaultQueueFilters());
    expect(parseQueueFilters({ mediaType: ["video", "photo"] }).mediaType).toBe("video");
    expect(parseQueueFilters(undefined)).toEqual(defaultQueueFilters());
    expect(parseQueueFilters({ sort: "random", view: "everything" })).toMatchObject({ sort: "priority", view: "drafts" });
    expect(parseQueueFilters("state=ready")).toEqual(defaultQueueFilters());
  });
});
