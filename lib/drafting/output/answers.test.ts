import { describe, expect, it } from "vitest";

import { draftAnswerSchema, parseAnswer, reviseAnswerSchema } from "./answers";
import { extractJsonObject } from "./extract-json";

const note = {
  text: "The photo is from 2019. https://apnews.com/x",
  classification: "misinformed_or_potentially_misleading",
  misleading_tags: ["outdated_information"],
  trustworthy_sources: true,
};
const writeNote = JSON.stringify({ decision: "write_note", rationale: "Old photo.", note });

const parsedNote = {
  text: note.text,
  classification: note.classification,
  misleadingTags: note.misleading_tags,
  trustworthySources: true,
};

describe("extractJsonObject", () => {
  it.each([
    ["bare JSON", writeNote],
    ["a json code fence", "```json\n" + writeNote + "\n```"],
    ["a plain code fence", "```\n" + writeNote + "\n```"],
    ["prose around it", `Sure! Here is my answer:\n${writeNote}\nLet me know if you need anything else.`],
    ["prose with braces before it", `I considered {several options}. Final: ${writeNote}`],
  ])("finds the object in %s", (_name, raw) => {
    expect(extractJsonObject(raw)).toEqual({ ok: true, value: JSON.parse(writeNote) });
  });

  it("ignores braces inside strings", () => {
    const raw = JSON.stringify({ decision: "no_note_needed", rationale: "The post says {not} a claim }}", note: null });
    expect(extractJsonObject(`text ${raw}`)).toEqual({ ok: true, value: JSON.parse(raw) });
  });

  it("reports a truncated answer as cut off", () => {
    const result = extractJsonObject(writeNote.slice(0, 60));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/never closes; the answer looks cut off/);
  });

  it("does not mistake a nested object for the answer when the outer one is invalid", () => {
    const result = extractJsonObject(`{"decision": write_note, "note": ${JSON.stringify(note)}}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/not valid JSON/);
  });

  it("reports an answer without JSON", () => {
    expect(extractJsonObject("NO NOTE NEEDED.")).toEqual({ ok: false, error: "The answer contains no JSON object." });
  });

  it("does not take an array for the answer", () => {
    expect(extractJsonObject("[1, 2]").ok).toBe(false);
  });
});

describe("parseAnswer with the draft schema", () => {
  it("parses a note into Notedesk's field names, trimming the text", () => {
    const raw = JSON.stringify({ decision: "write_note", rationale: "Old photo.", note: { ...note, text: ` ${note.text}\n` } });
    expect(parseAnswer(raw, draftAnswerSchema)).toEqual({
      ok: true,
      value: { decision: "write_note", rationale: "Old photo.", note: parsedNote },
    });
  });

  it.each([
    ["a null note", { decision: "no_note_needed", rationale: "Opinion.", note: null }],
    ["no note at all", { decision: "not_enough_evidence", rationale: "Unclear." }],
  ])("accepts an abstention with %s", (_name, answer) => {
    expect(parseAnswer(JSON.stringify(answer), draftAnswerSchema)).toEqual({
      ok: true,
      value: { decision: answer.decision, rationale: answer.rationale },
    });
  });

  it.each([
    ["write_note without a note", { decision: "write_note", rationale: "x" }, /note: is required when decision is "write_note"/],
    ["an abstention with a note", { decision: "no_note_needed", rationale: "x", note }, /note: must be null/],
    ["an unknown decision", { decision: "NO NOTE NEEDED", rationale: "x" }, /decision: Invalid option/],
    ["an unknown classification", { decision: "write_note", rationale: "x", note: { ...note, classification: "misleading" } }, /note\.classification/],
    ["an unknown tag", { decision: "write_note", rationale: "x", note: { ...note, misleading_tags: ["fake"] } }, /note\.misleading_tags\.0/],
    ["a missing rationale", { decision: "no_note_needed" }, /rationale/],
    ["camelCase note fields", { decision: "write_note", rationale: "x", note: { ...parsedNote } }, /note\.misleading_tags/],
  ])("rejects %s, saying where", (_name, answer, message) => {
    const result = parseAnswer(JSON.stringify(answer), draftAnswerSchema);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it("passes extraction errors through", () => {
    expect(parseAnswer(writeNote.slice(0, 30), draftAnswerSchema)).toMatchObject({ ok: false, error: expect.stringMatching(/cut off/) });
  });
});

describe("parseAnswer with the revise schema", () => {
  it("maps dispositions to suggestion ids", () => {
    const raw = JSON.stringify({
      story_assessment: "SOURCE_UPGRADE",
      rationale: "Better source.",
      note,
      suggestions: [{ id: "s1", incorporated_status: "PARTIALLY", explanation: "Used the link." }],
    });
    expect(parseAnswer(raw, reviseAnswerSchema)).toEqual({
      ok: true,
      value: {
        storyAssessment: "SOURCE_UPGRADE",
        rationale: "Better source.",
        note: parsedNote,
        dispositions: [{ suggestionId: "s1", status: "PARTIALLY", explanation: "Used the link." }],
      },
    });
  });

  it("rejects an unknown story assessment or status", () => {
    const raw = JSON.stringify({
      story_assessment: "BETTER",
      rationale: "",
      note,
      suggestions: [{ id: "s1", incorporated_status: "MAYBE", explanation: "" }],
    });
    const result = parseAnswer(raw, reviseAnswerSchema);
    expect(!result.ok && result.error).toMatch(/story_assessment.*suggestions\.0\.incorporated_status/);
  });
});
