import { describe, expect, it } from "vitest";

import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it("says nothing took no time, and counts seconds under a minute", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(0.4)).toBe("0 s");
    expect(formatDuration(1)).toBe("1 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(59.4)).toBe("59 s");
  });

  it("moves to the next unit where the smaller one would round up to it", () => {
    expect(formatDuration(59.6)).toBe("1 min");
    expect(formatDuration(240)).toBe("4 min");
    expect(formatDuration(3_569)).toBe("59 min");
    expect(formatDuration(3_571)).toBe("1.0 h");
    expect(formatDuration(9_000)).toBe("2.5 h");
    expect(formatDuration(86_219)).toBe("23.9 h");
    expect(formatDuration(86_221)).toBe("1.0 d");
    expect(formatDuration(267_840)).toBe("3.1 d");
  });

  it("shows a dash for no figure and never a negative time", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-3)).toBe("0 s");
  });
});
