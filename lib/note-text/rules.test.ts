import { describe, expect, it } from "vitest";

import { classifications, misleadingTags, noteInputSchema, validateNote, type NoteCandidate } from "./rules";

const valid: NoteCandidate = {
  text: "The photo is from a 2019 flood in Brazil, not this week's storm. https://www.reuters.com/fact-check/abc",
  classification: "misinformed_or_potentially_misleading",
  misleadingTags: ["outdated_information"],
};

const codes = (note: Partial<NoteCandidate>) => validateNote({ ...valid, ...note }).map((issue) => issue.code);

describe("validateNote", () => {
  it("accepts a good note", () => {
    expect(validateNote(valid)).toEqual([]);
  });

  it("accepts a not_misleading note with no tags", () => {
    expect(codes({ classification: "not_misleading", misleadingTags: [] })).toEqual([]);
  });

  it("reports empty text once, without also asking for a link", () => {
    expect(codes({ text: "   " })).toEqual(["empty_text"]);
  });

  it("reports a missing link", () => {
    expect(codes({ text: "No source here, only www.example.org" })).toEqual(["missing_url"]);
  });

  it("accepts exactly 280 and reports 281 with the overshoot, never cutting the text", () => {
    const at = (n: number) => `${"a".repeat(n - 2)} https://example.org/${"x".repeat(300)}`;
    expect(codes({ text: at(280) })).toEqual([]);
    const note = { ...valid, text: at(281) };
    const [issue] = validateNote(note);
    expect(issue).toMatchObject({ code: "too_long", severity: "error", field: "text" });
    expect(issue?.message).toContain("281");
    expect(issue?.message).toContain("by 1");
    expect(note.text).toBe(at(281));
  });

  it("requires tags when misleading and forbids them when not", () => {
    expect(codes({ misleadingTags: [] })).toEqual(["tags_required"]);
    expect(codes({ classification: "not_misleading", misleadingTags: ["factual_error"] })).toEqual(["tags_not_allowed"]);
  });

  it("reports unknown tags, repeated tags and unknown classifications", () => {
    expect(codes({ misleadingTags: ["fake_news"] })).toEqual(["unknown_tag"]);
    expect(codes({ misleadingTags: ["factual_error", "factual_error"] })).toEqual(["repeated_tag"]);
    expect(codes({ classification: "misleading" })).toEqual(["unknown_classification"]);
  });

  it("warns about style without failing", () => {
    const issues = validateNote({ ...valid, text: "Community Note: this is old 😀 #fakenews https://a.org" });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ["hashtag", "warning"],
      ["emoji", "warning"],
      ["community_note_prefix", "warning"],
    ]);
  });

  it.each([
    ["a URL fragment", "Details in https://a.org/page#section"],
    ["a number sign", "Ranked #1 by sales per https://a.org"],
    ["a word with #", "Written in C# per https://a.org"],
    ["a copyright sign", "© 2024 Reuters https://a.org"],
    ["a text-style heart", "I ❤ NY is a slogan https://a.org"],
  ])("does not flag %s", (_name, text) => {
    expect(codes({ text })).toEqual([]);
  });

  it.each([
    ["an emoji-style heart", "Love ❤️ https://a.org", "emoji"],
    ["a flag", "🇺🇸 https://a.org", "emoji"],
    ["a non-Latin hashtag", "Вот #новости https://a.org", "hashtag"],
    ["a lower-case prefix with a dash", "community notes - context https://a.org", "community_note_prefix"],
  ])("flags %s", (_name, text, code) => {
    expect(codes({ text })).toEqual([code]);
  });
});

describe("noteInputSchema", () => {
  const input = { ...valid, misleadingTags: [...valid.misleadingTags], trustworthySources: true };

  it("parses a valid note and trims the text", () => {
    const parsed = noteInputSchema.parse({ ...input, text: `  ${input.text}\n` });
    expect(parsed).toEqual(input);
  });

  it("fails with the rule's message on the field it concerns", () => {
    const result = noteInputSchema.safeParse({ ...input, misleadingTags: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["misleadingTags"], message: "Choose at least one reason why the post is misleading." }),
    ]);
  });

  it("lets warnings through", () => {
    expect(noteInputSchema.safeParse({ ...input, text: `${input.text} #tag` }).success).toBe(true);
  });

  it("explains missing fields in plain words", () => {
    const result = noteInputSchema.safeParse({ text: "x https://a.org" });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Choose whether the post is misleading.",
      "Misleading reasons must be a list.",
      "Say whether the sources are trustworthy.",
    ]);
  });

  it("uses exactly the API's enum values", () => {
    expect(classifications).toEqual(["misinformed_or_potentially_misleading", "not_misleading"]);
    expect(misleadingTags).toEqual([
      "disputed_claim_as_fact",
      "factual_error",
      "manipulated_media",
      "misinterpreted_satire",
      "missing_important_context",
      "other",
      "outdated_information",
    ]);
  });
});
