import { describe, expect, it } from "vitest";

import { classificationGate, lengthGate, modeGate, urlPresentGate } from "./note-gates";
import type { GateSubject } from "./subject";

const subject = (note: Partial<NonNullable<GateSubject["note"]>> | null, modes: { feed?: boolean; writer?: boolean } = {}): GateSubject => ({
  source: "draft",
  draftId: "d",
  draftState: "ready",
  writerId: "w",
  postId: "1",
  feedTestMode: modes.feed ?? true,
  writerTestMode: modes.writer ?? true,
  note: note && { text: "Context. https://a.org/x", classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error"], trustworthySources: true, ...note },
  payloadHash: null,
  submission: null,
  standing: { noteOnX: null, creates: { used: 0, oldest: null }, ownMinScore: null },
});

describe("gates on the note itself", () => {
  it("every one fails a draft without text, saying so", () => {
    for (const gate of [lengthGate, urlPresentGate, classificationGate]) {
      expect(gate(subject(null))).toMatchObject({ pass: false, reason: "The draft has no note text yet." });
    }
  });

  it.each([
    ["emoji outside the BMP count 1 each", `${"😀".repeat(270)} https://a.org/x`, 272, true],
    ["a combining accent is its own character", `${"e\u0301".repeat(140)} https://a.org/x`, 282, false],
    ["CJK characters count 1 each", `${"東".repeat(278)} https://a.org/x`, 280, true],
    ["a link counts 1 however long", `Context https://a.org/${"x".repeat(500)}`, 9, true],
  ])("length: %s", (_name, text, length, pass) => {
    const result = lengthGate(subject({ text }));
    expect(result.pass).toBe(pass);
    expect(result.reason).toContain(pass ? `${length} of 280` : `${length} characters`);
  });

  it("length: an empty text fails", () => {
    expect(lengthGate(subject({ text: "   " }))).toMatchObject({ pass: false, reason: "Write the note text." });
  });

  it("at least one link", () => {
    expect(urlPresentGate(subject({}))).toMatchObject({ pass: true, reason: "One link." });
    expect(urlPresentGate(subject({ text: "https://a.org and https://b.org" }))).toMatchObject({ pass: true, reason: "2 links." });
    expect(urlPresentGate(subject({ text: "See a.org" }))).toMatchObject({ pass: false, reason: "Add at least one source link starting with https:// or http://." });
    expect(urlPresentGate(subject({ text: "" }))).toMatchObject({ pass: false, reason: "Write the note text." });
  });

  it("classification and tags", () => {
    expect(classificationGate(subject({}))).toMatchObject({ pass: true, reason: "Misleading, because: factual error." });
    expect(classificationGate(subject({ classification: "misleading" }))).toMatchObject({ pass: false, reason: expect.stringContaining('"misleading" is not a classification X accepts') });
    expect(classificationGate(subject({ misleadingTags: ["fake_news"] }))).toMatchObject({ pass: false, reason: expect.stringContaining('"fake_news" is not a misleading reason') });
  });

  it("mode: the draft's feed must be the writer's mode now", () => {
    expect(modeGate(subject({}, { feed: false, writer: false }))).toMatchObject({ pass: true, reason: "Sends in production mode (test_mode: false)." });
    expect(modeGate(subject({}, { feed: false, writer: true }))).toMatchObject({ pass: false, reason: expect.stringContaining("production feed but the writer is now in test mode") });
  });

  it("none of them can be overridden", () => {
    for (const result of [lengthGate(subject(null)), urlPresentGate(subject(null)), classificationGate(subject(null)), modeGate(subject(null, { feed: false }))]) {
      expect(result.overridable).toBe(false);
    }
  });
});
