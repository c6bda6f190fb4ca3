import { describe, expect, it } from "vitest";

import { validateEvaluation, validateNoteSubmission } from "./note-rules";

const valid = {
  test_mode: true,
  post_id: "1939667242318541239",
  info: {
    text: "Context sentence. https://stats.valmora.gov/source",
    classification: "misinformed_or_potentially_misleading",
    misleading_tags: ["missing_important_context"],
    trustworthy_sources: true,
  },
};

function parametersOf(body: unknown): string[] {
  const result = validateNoteSubmission(body);
  return result.ok ? [] : result.issues.map((i) => i.parameter);
}

const withInfo = (info: Record<string, unknown>) => ({ ...valid, info: { ...valid.info, ...info } });

describe("validateNoteSubmission", () => {
  it("accepts the reference body", () => {
    expect(validateNoteSubmission(valid)).toEqual({
      ok: true,
      note: {
        testMode: true,
        postId: "1939667242318541239",
        text: valid.info.text,
        classification: "misinformed_or_potentially_misleading",
        misleadingTags: ["missing_important_context"],
        trustworthySources: true,
        isMediaNote: false,
      },
    });
  });

  it("rejects unknown keys at both levels", () => {
    expect(parametersOf({ ...valid, note_id: "1" })).toEqual(["note_id"]);
    expect(parametersOf(withInfo({ source: "x" }))).toEqual(["info.source"]);
  });

  it("requires every documented field", () => {
    expect(parametersOf({ info: valid.info })).toEqual(["test_mode", "post_id"]);
    const info = Object.fromEntries(Object.entries(valid.info).filter(([key]) => key !== "trustworthy_sources"));
    expect(parametersOf({ ...valid, info })).toEqual(["info.trustworthy_sources"]);
  });

  it("checks types, the post id pattern and the enums", () => {
    expect(parametersOf({ ...valid, test_mode: "true" })).toEqual(["test_mode"]);
    expect(parametersOf({ ...valid, post_id: 1939667242318541239 })).toEqual(["post_id"]);
    expect(parametersOf({ ...valid, post_id: "12345678901234567890" })).toEqual(["post_id"]);
    expect(parametersOf(withInfo({ classification: "misleading" }))).toEqual(["info.classification"]);
    expect(parametersOf(withInfo({ misleading_tags: ["fake_news"] }))).toEqual(["info.misleading_tags"]);
    expect(parametersOf(withInfo({ trustworthy_sources: 1 }))).toEqual(["info.trustworthy_sources"]);
    expect(parametersOf(withInfo({ is_media_note: "no" }))).toEqual(["info.is_media_note"]);
  });

  it("counts each URL as one character: 280 passes, 281 fails", () => {
    const url = `https://stats.valmora.gov/${"long-path/".repeat(30)}`;
    expect(parametersOf(withInfo({ text: `${"a".repeat(278)} ${url}` }))).toEqual([]);
    expect(parametersOf(withInfo({ text: `${"a".repeat(279)} ${url}` }))).toEqual(["info.text"]);
  });

  it("counts characters by code point", () => {
    expect(parametersOf(withInfo({ text: `${"😀".repeat(278)} https://a.example.org` }))).toEqual([]);
  });

  it("requires an http(s) URL in the text", () => {
    expect(parametersOf(withInfo({ text: "No link here, only www.example.org" }))).toEqual(["info.text"]);
    expect(parametersOf(withInfo({ text: "ftp://files.example.org only" }))).toEqual(["info.text"]);
    expect(parametersOf(withInfo({ text: "plain http://example.org is enough" }))).toEqual([]);
  });

  it("requires tags when misleading and none when not", () => {
    expect(parametersOf(withInfo({ misleading_tags: [] }))).toEqual(["info.misleading_tags"]);
    expect(parametersOf(withInfo({ classification: "not_misleading" }))).toEqual(["info.misleading_tags"]);
    expect(parametersOf(withInfo({ classification: "not_misleading", misleading_tags: [] }))).toEqual([]);
  });

  it("refuses a body that is no object", () => {
    expect(parametersOf([valid])).toEqual(["body"]);
  });
});

describe("validateEvaluation", () => {
  it("accepts {note_text, post_id} and nothing else", () => {
    expect(validateEvaluation({ note_text: "x https://a.org", post_id: "1" })).toEqual({ ok: true, noteText: "x https://a.org", postId: "1" });
    const refused = validateEvaluation({ note_text: "", post_id: "x", test_mode: true });
    expect(refused.ok ? [] : refused.issues.map((i) => i.parameter)).toEqual(["test_mode", "note_text", "post_id"]);
  });
});
