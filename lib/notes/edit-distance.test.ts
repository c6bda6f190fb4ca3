import { describe, expect, it } from "vitest";

import { median, wordEditDistance } from "./edit-distance";

describe("wordEditDistance", () => {
  it("is 0 for the same words, whatever the spacing", () => {
    expect(wordEditDistance("The photo is from 2019.", "The  photo is\nfrom 2019.")).toBe(0);
  });

  it("counts replaced, inserted and deleted words", () => {
    expect(wordEditDistance("The photo is from 2019.", "The photo is from 2018.")).toBe(1);
    expect(wordEditDistance("The photo is from 2019.", "The photo is really from 2019.")).toBe(1);
    expect(wordEditDistance("The photo is from 2019.", "Photo from 2019.")).toBe(3); // "The" gone, "photo"→"Photo", "is" gone
    expect(wordEditDistance("", "Two words")).toBe(2);
    expect(wordEditDistance("Two words", "")).toBe(2);
  });

  it("is symmetric", () => {
    const a = "Official data shows 12%, not 48%. https://stats.example.org/a";
    const b = "The official data shows a 12% rise. https://stats.example.org/b";
    expect(wordEditDistance(a, b)).toBe(wordEditDistance(b, a));
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
