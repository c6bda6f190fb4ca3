import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { wordDiff, type DiffPart } from "./diff";

const side = (parts: DiffPart[], drop: DiffPart["kind"]) =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join("");

describe("wordDiff", () => {
  it("marks a replaced word as removed then added", () => {
    expect(wordDiff("The vote was in 2020. https://a.example", "The vote was in 2021. https://a.example")).toEqual([
      { kind: "same", text: "The vote was in " },
      { kind: "removed", text: "2020." },
      { kind: "added", text: "2021." },
      { kind: "same", text: " https://a.example" },
    ]);
  });

  it("joins neighbouring word edits into one across a single space", () => {
    expect(wordDiff("a foo x b", "a bar y b")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "foo x" },
      { kind: "added", text: "bar y" },
      { kind: "same", text: " b" },
    ]);
  });

  it("shows a pure insertion without a stray removal", () => {
    expect(wordDiff("a b", "a new b")).toEqual([
      { kind: "same", text: "a " },
      { kind: "added", text: "new " },
      { kind: "same", text: "b" },
    ]);
  });

  it("handles empty sides", () => {
    expect(wordDiff("", "")).toEqual([]);
    expect(wordDiff("", "hello there")).toEqual([{ kind: "added", text: "hello there" }]);
    expect(wordDiff("gone", "")).toEqual([{ kind: "removed", text: "gone" }]);
  });

  it("never loses text: same+removed rebuilds the old text, same+added the new one", () => {
    const words = fc.constantFrom("a", "b", "claim", "2020", "https://x.example/1", "not", ".", "é");
    const text = fc.array(fc.tuple(words, fc.constantFrom(" ", "  ", "\n")), { maxLength: 30 }).map((pairs) =>
      pairs.map(([w, s]) => w + s).join(""),
    );
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(side(parts, "added")).toBe(before);
        expect(side(parts, "removed")).toBe(after);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
      }),
      { numRuns: 500 },
    );
  });
});
