import { describe, expect, it } from "vitest";

import { encodeCursor, exportHref, hasFilters, notesHref, parseNotesQuery } from "./filters";

describe("the notes page's URL", () => {
  it("parses what it can and falls back to defaults for the rest", () => {
    const query = parseNotesQuery({ mode: ["production", "test"], status: "", co: "HIGH", uv: "low", sort: "x", after: "1700000000000.19501" });
    expect(query).toMatchObject({ mode: "production", uv: "low", sort: "first_seen", dir: "desc", range: "90d" });
    expect([query.status, query.co]).toEqual([undefined, undefined]);
    expect(query.after).toEqual({ at: new Date(1_700_000_000_000), id: "19501" });
  });

  it("refuses ids and statuses that are not plain tokens", () => {
    expect(parseNotesQuery({ writer: "a b", approver: "x'--", status: "Bad-Status" })).toMatchObject({ writer: undefined, approver: undefined, status: undefined });
  });

  it("builds links without defaults, starting again at the first page unless a cursor is given", () => {
    const query = parseNotesQuery({ mode: "test", co: "low", after: encodeCursor(new Date(5), "n1") });
    expect(notesHref(query, { status: "none" })).toBe("/notes?mode=test&status=none&co=low");
    expect(notesHref(query, { mode: "all" })).toBe("/notes?co=low");
    expect(notesHref(query, { after: "9.n2" })).toBe("/notes?mode=test&co=low&after=9.n2");
    expect(notesHref(parseNotesQuery({}), {}, "/notes/reviewers")).toBe("/notes/reviewers");
    expect(exportHref(query, "csv", "notes")).toBe("/api/notes/export?mode=test&co=low&format=csv&dataset=notes");
  });

  it("knows when the table is narrowed", () => {
    expect(hasFilters(parseNotesQuery({ sort: "last_changed", range: "all" }))).toBe(false);
    expect(hasFilters(parseNotesQuery({ origin: "edited" }))).toBe(true);
  });
});
