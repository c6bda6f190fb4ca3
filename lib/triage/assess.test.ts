import { describe, expect, it } from "vitest";

import { makePost } from "@/lib/drafting/testing/posts";

import { triagePost } from "./assess";
import { priorityBase, priorityFactorsOf, priorityKey } from "./priority";

const seen = new Date("2026-01-12T15:00:00Z");
const triage = (overrides: Parameters<typeof makePost>[0] = {}) => triagePost(makePost(overrides), seen);

describe("triagePost", () => {
  it("combines checkability and priority into the row triage stores, the same every time", () => {
    const claim = makePost({ text: "Official figures: 4,800 homes stand empty.", postedAt: "2026-01-12T09:00:00.000Z", publicMetrics: { impression_count: 5_000 } });
    const result = triagePost(claim, seen);
    expect(result).toMatchObject({
      postId: claim.id,
      verdict: "in",
      assessedBy: "heuristic",
      opinion: null,
      priorityFactors: { noteRequests: 0, reach: 5_000, reachEstimated: false },
      agedFrom: new Date("2026-01-12T09:00:00.000Z"),
    });
    expect(result.priorityFactors).toEqual(priorityFactorsOf(claim));
    expect(result.priorityBase).toBe(priorityBase(result.checkability, result.priorityFactors));
    expect(result.priorityKey).toBe(priorityKey(result.priorityBase, result.agedFrom));
    expect(triagePost(structuredClone(claim), seen)).toEqual(result);
  });

  it("ages a post without a usable date from when Notedesk first saw it", () => {
    expect(triage({ postedAt: null }).agedFrom).toEqual(seen);
    expect(triage({ postedAt: "not a date" }).agedFrom).toEqual(seen);
  });

  it("records the model and prompt when a model's opinion is part of it", () => {
    const opinion = { checkable: false, reason: "A joke.", model: "grok-mini", promptVersion: "triage-v1" };
    const result = triagePost(makePost(), seen, opinion);
    expect(result).toMatchObject({ assessedBy: "llm", opinion });
    expect(result.checkability).toBeLessThan(triagePost(makePost(), seen).checkability);
  });
});
