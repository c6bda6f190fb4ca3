import { describe, expect, it } from "vitest";

import { blockedLine, gateIds, type GateResult } from "./dto";
import { gateResult } from "./result";

const passing = () => gateIds.map((id) => gateResult(id, true, "Fine."));
const withFailing = (...failing: GateResult[]) => {
  const gates = passing().map((gate) => failing.find((f) => f.id === gate.id) ?? gate);
  return { gates, passed: failing.length === 0 };
};
const deadLink = { url: "https://a.org/x", ok: false, status: 404, finalUrl: null, redirects: [], error: "404", checkedAt: "2026-11-21T10:00:00.000Z", fromCache: false };
const liveLink = { ...deadLink, url: "https://a.org/y", ok: true, status: 200, error: null };

describe("blockedLine", () => {
  it("is null when every check passes", () => {
    expect(blockedLine(withFailing())).toBeNull();
  });

  it("names the problem, not the condition the checklist row ticks off", () => {
    expect(blockedLine(withFailing(gateResult("emergency_stop", false, "Set by Ada: withdrawn source.")))).toBe("Blocked: the emergency stop is on");
    expect(blockedLine(withFailing(gateResult("mode", false, "…")))).toBe("Blocked: the draft's feed no longer matches the writer's mode");
  });

  it("tells a low evaluator score from no score at all", () => {
    const low = gateResult("evaluator", false, "ClaimOpinion score 0.5 is below…", { claimOpinion: { score: 0.5, minScore: 1 } });
    expect(blockedLine(withFailing(low))).toBe("Blocked: the evaluator score is below the writer's threshold");
    expect(blockedLine(withFailing(gateResult("evaluator", false, "evaluate_note gave no score…")))).toBe("Blocked: evaluate_note gave no score");
  });

  it("counts dead links, and says when none could be shown to answer", () => {
    expect(blockedLine(withFailing(gateResult("links", false, "…", { links: [deadLink, liveLink] })))).toBe("Blocked: a link doesn't answer 200");
    expect(blockedLine(withFailing(gateResult("links", false, "…", { links: [deadLink, { ...deadLink, url: "https://a.org/z" }] })))).toBe("Blocked: 2 links don't answer 200");
    expect(blockedLine(withFailing(gateResult("links", false, "Couldn't be checked: …")))).toBe("Blocked: no link could be shown to answer 200");
  });

  it("lists every failing gate in checklist order", () => {
    const line = blockedLine(withFailing(gateResult("emergency_stop", false, "…"), gateResult("url_present", false, "…"), gateResult("llm_budget", false, "…")));
    expect(line).toBe("Blocked: the note has no link; the writer's LLM budget is reached; the emergency stop is on");
  });
});
