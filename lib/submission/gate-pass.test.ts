import { describe, expect, it } from "vitest";

import { toGatePassDto } from "./gate-pass";

const at = new Date("2026-11-21T08:00:00.000Z");
const row = { payloadHash: "a".repeat(64), gatePassHash: "a".repeat(64), gatePassScore: 1.2, gatePassAt: at, gatePassResults: [{ id: "links", reason: "The link answers 200.", overriddenBy: null }] };

describe("toGatePassDto", () => {
  it("labels each recorded gate and says whether the pass is for this submission's payload", () => {
    expect(toGatePassDto(row)).toEqual({
      payloadHash: row.gatePassHash,
      matchesPayload: true,
      claimOpinionScore: 1.2,
      at,
      gates: [{ id: "links", label: "Every link answers 200", reason: "The link answers 200.", overriddenBy: null }],
    });
    expect(toGatePassDto({ ...row, gatePassHash: "b".repeat(64) })).toMatchObject({ matchesPayload: false });
  });

  it("is null when none was recorded, and shows no gates rather than failing on a malformed record", () => {
    expect(toGatePassDto({ ...row, gatePassHash: null, gatePassAt: null })).toBeNull();
    expect(toGatePassDto({ ...row, gatePassResults: { not: "a list" } })).toMatchObject({ gates: [] });
  });
});
