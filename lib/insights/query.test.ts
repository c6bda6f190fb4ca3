import { describe, expect, it } from "vitest";

import { dropReasonLabel } from "./funnel-labels";
import { insightsHref, parseInsightsQuery } from "./query";

describe("parseInsightsQuery", () => {
  it("reads writer, mode, period and the open step from the URL", () => {
    expect(parseInsightsQuery({ writer: "w_1", mode: "production", range: "30d", step: "approved", reason: "weak_sources" })).toEqual({
      writer: "w_1",
      mode: "production",
      range: "30d",
      step: "approved",
      reason: "weak_sources",
    });
  });

  it("falls back to the defaults for values it does not know, so an old link still opens", () => {
    expect(parseInsightsQuery({ mode: "both", range: "7y", step: "posted", reason: "DROP TABLE", writer: "<script>" })).toEqual({ mode: "all", range: "90d" });
    expect(parseInsightsQuery({ mode: ["test", "production"], range: "" })).toEqual({ mode: "test", range: "90d" });
  });
});

describe("insightsHref", () => {
  const query = parseInsightsQuery({ writer: "w1", range: "30d", step: "approved", reason: "weak_sources" });

  it("keeps the state, leaves defaults out, and drops a reason when the step changes", () => {
    expect(insightsHref(query, {})).toBe("/insights?writer=w1&range=30d&step=approved&reason=weak_sources");
    expect(insightsHref(query, { step: "submitted" })).toBe("/insights?writer=w1&range=30d&step=submitted");
    expect(insightsHref(query, { step: undefined })).toBe("/insights?writer=w1&range=30d");
    expect(insightsHref(parseInsightsQuery({}), { range: "90d", mode: "all" })).toBe("/insights");
  });
});

describe("dropReasonLabel", () => {
  it("says each reason in words, and shows one it does not know as stored", () => {
    expect(dropReasonLabel("approved", "weak_sources")).toBe("rejected: The sources are weak or don't support the note");
    expect(dropReasonLabel("rated_helpful", "currently_rated_not_helpful")).toBe("Currently rated not helpful");
    expect(dropReasonLabel("evaluator_high", "unknown")).toBe("ClaimOpinion not scored yet");
    expect(dropReasonLabel("reviewed", "needs_reconcile")).toBe("waiting for a check of what X received");
    expect(dropReasonLabel("submitted", "something_new")).toBe("something_new");
  });
});
