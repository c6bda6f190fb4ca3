import { describe, expect, it } from "vitest";

import { wordingSimilarity } from "./similarity";

describe("wordingSimilarity", () => {
  it("is 1 for the same wording regardless of case, punctuation, spacing and links", () => {
    expect(wordingSimilarity("The photo is OLD.  https://a.org/1", "the photo is old https://b.org/2")).toBe(1);
  });

  it("stays high for a small edit and low for a different text", () => {
    const a = "This photo is from a 2019 flood in Valencia, not from this week.";
    expect(wordingSimilarity(a, a.replace("this week", "this month"))).toBeGreaterThan(0.85);
    expect(wordingSimilarity(a, "Inflation was 3.1% last year according to official statistics.")).toBeLessThan(0.3);
  });

  it("is symmetric and handles empty texts", () => {
    expect(wordingSimilarity("abc def", "abd")).toBe(wordingSimilarity("abd", "abc def"));
    expect(wordingSimilarity("", "https://a.org")).toBe(1);
    expect(wordingSimilarity("", "text")).toBe(0);
  });

  it("compares non-Latin scripts", () => {
    expect(wordingSimilarity("東京で地震がありました", "東京で地震がありました。")).toBe(1);
    expect(wordingSimilarity("東京で地震がありました", "大阪は晴れです")).toBeLessThan(0.2);
  });
});
