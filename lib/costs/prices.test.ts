import { describe, expect, it } from "vitest";

import { OFFLINE_MODEL } from "@/lib/drafting/offline/offline-drafter";

import { formatMicros } from "./money";
import { defaultPrices, estimateCostMicros } from "./prices";

describe("estimateCostMicros", () => {
  const grok4 = defaultPrices["grok-4"];
  if (!grok4) throw new Error("grok-4 has a default price");

  it("prices input and output tokens separately, per million", () => {
    expect(grok4).toEqual({ inputMicrosPerMillionTokens: 3_000_000, outputMicrosPerMillionTokens: 15_000_000 });
    // 1,000 in at $3/M = $0.003; 500 out at $15/M = $0.0075.
    expect(estimateCostMicros(grok4, { inputTokens: 1_000, outputTokens: 500 })).toBe(10_500);
  });

  it("rounds a fraction of a micro-dollar up, never down to free", () => {
    const cheap = defaultPrices["grok-4-fast-non-reasoning"];
    if (!cheap) throw new Error("missing price");
    expect(estimateCostMicros(cheap, { inputTokens: 1, outputTokens: 0 })).toBe(1);
  });

  it("is unknown when the provider did not report the tokens", () => {
    expect(estimateCostMicros(grok4, { inputTokens: null, outputTokens: 10 })).toBeNull();
  });

  it("the offline drafter is free", () => {
    const offline = defaultPrices[OFFLINE_MODEL];
    if (!offline) throw new Error("missing price");
    expect(estimateCostMicros(offline, { inputTokens: 10_000, outputTokens: 10_000 })).toBe(0);
  });
});

describe("formatMicros", () => {
  it.each([
    [0, "$0.00"],
    [10_500, "$0.0105"],
    [300_000, "$0.30"],
    [12_500_000, "$12.50"],
  ])("%i → %s", (micros, text) => {
    expect(formatMicros(micros)).toBe(text);
  });
});
