import { describe, expect, it } from "vitest";

import { checkDraft } from "./checks";

const note = {
  text: "This photo is from a 2019 flood in Valencia, not from this week. https://apnews.com/article/valencia-2019",
  classification: "misinformed_or_potentially_misleading",
  misleadingTags: ["outdated_information"],
};

describe("checkDraft", () => {
  it("reports length with links counted as 1, the links, and no issues for a good note", () => {
    expect(checkDraft(note)).toEqual({
      ok: true,
      length: { count: 66, limit: 280, remaining: 214 },
      urls: ["https://apnews.com/article/valencia-2019"],
      issues: [],
      duplicate: null,
      evaluateScore: null,
    });
  });

  it("is plain JSON, so it can be stored and shown as is", () => {
    const checks = checkDraft({ ...note, text: "x".repeat(300) }, { existingNoteTextsOnPost: ["x".repeat(300)], evaluateScore: -1.7 });
    expect(JSON.parse(JSON.stringify(checks))).toEqual(checks);
  });

  it("collects rule errors and style warnings; ok only without errors", () => {
    const checks = checkDraft({ ...note, text: "#flood old photo", misleadingTags: [] });
    expect(checks.ok).toBe(false);
    expect(checks.issues.map((i) => [i.code, i.severity])).toEqual([
      ["missing_url", "error"],
      ["tags_required", "error"],
      ["hashtag", "warning"],
    ]);
    expect(checkDraft({ ...note, text: `${note.text} 😀` }).ok).toBe(true);
  });

  it("reports negative remaining characters for an over-long note", () => {
    expect(checkDraft({ ...note, text: `${"a".repeat(290)} https://a.org` }).length).toEqual({ count: 292, limit: 280, remaining: -12 });
  });

  it("flags a copy of a note the post already has, even with another link, pointing at the closest one", () => {
    const checks = checkDraft(note, {
      existingNoteTextsOnPost: [
        "The stadium opened in 2021. https://a.org",
        "This photo is from a 2019 flood in Valencia, not from last week. https://apnews.com/article/valencia-2019",
        "This photo is from a 2019 flood in Valencia, not from this week! https://www.reuters.com/other",
      ],
    });
    expect(checks.duplicate).toEqual({ index: 2, similarity: 1 });
    expect(checks.issues).toEqual([expect.objectContaining({ code: "duplicate_of_existing_note", severity: "warning" })]);
    expect(checks.ok).toBe(true);
  });

  it("does not flag a different note on the same subject", () => {
    const other = "Valencia's 2024 floods killed over 200 people, officials said. https://apnews.com/a";
    expect(checkDraft(note, { existingNoteTextsOnPost: [other] }).duplicate).toBeNull();
  });

  it("records the evaluate score and warns when it reads as opinion", () => {
    expect(checkDraft(note, { evaluateScore: 2.1 })).toMatchObject({ evaluateScore: 2.1, issues: [] });
    const opinion = checkDraft(note, { evaluateScore: -1.7 });
    expect(opinion.evaluateScore).toBe(-1.7);
    expect(opinion.issues).toEqual([
      expect.objectContaining({ code: "scored_as_opinion", severity: "warning", message: expect.stringContaining("-1.7") }),
    ]);
  });
});
