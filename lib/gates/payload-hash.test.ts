import { describe, expect, it } from "vitest";

import { payloadHash } from "@/lib/submission/note-request";
import { createNoteRequestBody, type NewNote } from "@/lib/x";

/**
 * Overrides (and approvals) are bound to lib/submission's payload hash: it must change with every
 * field that is sent, and with the writer, and with nothing else.
 */
const note: NewNote = {
  testMode: true,
  postId: "1939667242318541239",
  text: "Context sentence. https://stats.valmora.gov/reports",
  classification: "misinformed_or_potentially_misleading",
  misleadingTags: ["missing_important_context", "factual_error"],
  trustworthySources: true,
};
const hash = (changes: Partial<NewNote> = {}, writerId = "writer-1") => payloadHash(writerId, createNoteRequestBody({ ...note, ...changes }));

describe("the payload hash", () => {
  it("is a stable sha256", () => {
    expect(hash()).toMatch(/^[0-9a-f]{64}$/);
    expect(hash()).toBe(hash());
  });

  it.each<[string, Partial<NewNote>]>([
    ["text", { text: `${note.text} ` }],
    ["text, by one invisible combining mark", { text: note.text.replace("Context", "Conte\u0301xt") }],
    ["post id", { postId: "1939667242318541240" }],
    ["classification", { classification: "not_misleading", misleadingTags: [] }],
    ["tags", { misleadingTags: ["missing_important_context"] }],
    ["tag order", { misleadingTags: ["factual_error", "missing_important_context"] }],
    ["trustworthy sources", { trustworthySources: false }],
    ["mode", { testMode: false }],
  ])("changes with the %s", (_field, changes) => {
    expect(hash(changes)).not.toBe(hash());
  });

  it("changes with the writer", () => {
    expect(hash({}, "writer-2")).not.toBe(hash());
  });
});
