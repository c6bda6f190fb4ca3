import { describe, expect, it } from "vitest";

import { admissionProgress, moveSentence, type AdmissionBar, type AdmissionNote } from "./admission";

const good: AdmissionNote = { claimOpinion: "high", urlValidity: "high", harassmentAbuse: "high" };

/** Newest first: `count` notes, the ones at `positions` changed by `patch`. */
function notes(count: number, patch: Partial<AdmissionNote> = {}, positions: (i: number) => boolean = () => false): AdmissionNote[] {
  return Array.from({ length: count }, (_, i) => (positions(i) ? { ...good, ...patch } : { ...good }));
}

/** `count` notes of which the first `matching` have ClaimOpinion `bucket` and the rest medium. */
function claimOpinion(count: number, matching: number, bucket: string): AdmissionNote[] {
  return Array.from({ length: count }, (_, i) => ({ ...good, claimOpinion: i < matching ? bucket : "medium" }));
}

const bar = (progress: ReturnType<typeof admissionProgress>, id: AdmissionBar["id"]) => {
  const found = progress.bars.find((b) => b.id === id);
  if (!found) throw new Error(`no bar ${id}`);
  return found;
};

describe("each bar at its threshold over a full window of 50", () => {
  it("ClaimOpinion high passes at 15 of 50 (30%) and fails at 14", () => {
    expect(bar(admissionProgress(claimOpinion(50, 15, "high")), "claim_opinion_high")).toMatchObject({ matching: 15, counted: 50, share: 0.3, passes: true });
    expect(bar(admissionProgress(claimOpinion(50, 14, "high")), "claim_opinion_high")).toMatchObject({ matching: 14, passes: false });
  });

  it("ClaimOpinion low passes at 15 of 50 (30%) and fails at 16", () => {
    expect(bar(admissionProgress(claimOpinion(50, 15, "low")), "claim_opinion_low")).toMatchObject({ matching: 15, passes: true });
    expect(bar(admissionProgress(claimOpinion(50, 16, "low")), "claim_opinion_low")).toMatchObject({ matching: 16, passes: false });
  });

  it("UrlValidity high passes at 48 of 50 (96%) and fails at 47 (94%); 19 of 20 is exactly 95%", () => {
    const atLeast = (count: number, lows: number) => bar(admissionProgress(notes(count, { urlValidity: "low" }, (i) => i < lows)), "url_validity_high");
    expect(atLeast(50, 2)).toMatchObject({ matching: 48, passes: true });
    expect(atLeast(50, 3)).toMatchObject({ matching: 47, passes: false });
    expect(atLeast(20, 1)).toMatchObject({ matching: 19, counted: 20, share: 0.95, passes: true });
  });

  it("HarassmentAbuse high passes at 49 of 50 (98%) and fails at 48", () => {
    const atLeast = (lows: number) => bar(admissionProgress(notes(50, { harassmentAbuse: "medium" }, (i) => i < lows)), "harassment_abuse_high");
    expect(atLeast(1)).toMatchObject({ matching: 49, passes: true });
    expect(atLeast(2)).toMatchObject({ matching: 48, passes: false });
  });

  it("meets the rule only when every bar passes over 50 notes", () => {
    expect(admissionProgress(claimOpinion(50, 15, "high")).meetsRule).toBe(true);
    expect(admissionProgress(claimOpinion(50, 14, "high")).meetsRule).toBe(false);
  });
});

describe("the window", () => {
  it("counts only the newest 50 notes", () => {
    const progress = admissionProgress([...claimOpinion(50, 15, "high"), ...claimOpinion(30, 0, "high")]);
    expect(progress.notes).toBe(50);
    expect(bar(progress, "claim_opinion_high")).toMatchObject({ counted: 50, matching: 15 });
  });

  it("judges fewer than 50 notes on what there is, without meeting the rule", () => {
    const progress = admissionProgress(claimOpinion(10, 3, "high"));
    expect(progress.notes).toBe(10);
    expect(bar(progress, "claim_opinion_high")).toMatchObject({ counted: 10, matching: 3, passes: true }); // 3 ≥ 0.3 · 10, exactly
    expect(progress.meetsRule).toBe(false);
  });

  it("has no verdict before any note is scored", () => {
    const progress = admissionProgress([]);
    expect(progress.bars.every((b) => b.passes === null && b.share === null && b.counted === 0)).toBe(true);
    expect(moveSentence(bar(progress, "claim_opinion_high"))).toBe("3 ClaimOpinion-high notes among the next 10 would pass this bar.");
  });

  it("compares buckets in any casing and leaves unscored notes out", () => {
    const progress = admissionProgress([
      { claimOpinion: "High", urlValidity: "HIGH", harassmentAbuse: "high" },
      { claimOpinion: "LOW", urlValidity: "Low", harassmentAbuse: "Medium" },
      { claimOpinion: "Unknown", urlValidity: "unknown", harassmentAbuse: null },
      { claimOpinion: null, urlValidity: "", harassmentAbuse: "UNKNOWN" },
    ]);
    expect(progress.notes).toBe(4);
    expect(bar(progress, "claim_opinion_high")).toMatchObject({ counted: 2, matching: 1, share: 0.5 });
    expect(bar(progress, "claim_opinion_low")).toMatchObject({ counted: 2, matching: 1 });
    expect(bar(progress, "url_validity_high")).toMatchObject({ counted: 2, matching: 1 });
    expect(bar(progress, "harassment_abuse_high")).toMatchObject({ counted: 2, matching: 1 });
  });

  it("leaves an evaluator X did not report (flat test_result: ClaimOpinion only) without a verdict", () => {
    const flat = Array.from({ length: 5 }, () => ({ claimOpinion: "high", urlValidity: null, harassmentAbuse: null }));
    const progress = admissionProgress(flat);
    expect(bar(progress, "claim_opinion_high").passes).toBe(true);
    expect(bar(progress, "url_validity_high")).toMatchObject({ counted: 0, passes: null });
  });
});

describe("what would move each bar", () => {
  it("counts what the next 10 notes must bring, with the oldest notes leaving the window", () => {
    // 10 of 50 high, the 2 oldest among them: the next 10 push 2 highs out, so 15 − 8 = 7 are needed.
    const window = Array.from({ length: 50 }, (_, i) => ({ ...good, claimOpinion: i < 8 || i >= 48 ? "high" : "medium" }));
    const co = bar(admissionProgress(window), "claim_opinion_high");
    expect(co).toMatchObject({ passes: false, move: { toward: "pass", needed: 7, within: 10 } });
    expect(moveSentence(co)).toBe("7 ClaimOpinion-high notes among the next 10 would pass this bar.");
  });

  it("falls back to a run in a row when 10 notes cannot do it", () => {
    // 0 of 50 high: 15 highs in a row are needed.
    const co = bar(admissionProgress(claimOpinion(50, 0, "high")), "claim_opinion_high");
    expect(co.move).toEqual({ toward: "pass", needed: 15, within: 15 });
    expect(moveSentence(co)).toBe("15 ClaimOpinion-high notes in a row would pass this bar.");
  });

  it("asks for notes that are not low on the ClaimOpinion-low bar", () => {
    // 16 of 50 low and all of them old: 10 new notes push 10 of them out.
    const oldLows = Array.from({ length: 50 }, (_, i) => ({ ...good, claimOpinion: i >= 34 ? "low" : "medium" }));
    const leaving = bar(admissionProgress(oldLows), "claim_opinion_low");
    expect(leaving.move).toEqual({ toward: "pass", needed: 1, within: 10 });
    expect(moveSentence(leaving)).toBe("1 note that is not ClaimOpinion-low among the next 10 would pass this bar.");

    // 16 of 50 low and all of them recent: they stay until 35 newer notes have pushed one out.
    const recentLows = Array.from({ length: 50 }, (_, i) => ({ ...good, claimOpinion: i < 16 ? "low" : "medium" }));
    const staying = bar(admissionProgress(recentLows), "claim_opinion_low");
    expect(staying.move).toEqual({ toward: "pass", needed: 35, within: 35 });
    expect(moveSentence(staying)).toBe("35 notes that are not ClaimOpinion-low in a row would pass this bar.");
  });

  it("says how close a passing bar is to failing", () => {
    // HarassmentAbuse 50 of 50 high: one harmful note leaves 49 (98%), two leave 48.
    const ha = bar(admissionProgress(notes(50)), "harassment_abuse_high");
    expect(ha.move).toEqual({ toward: "fail", needed: 2, within: 10 });
    expect(moveSentence(ha)).toBe("2 notes that are not HarassmentAbuse-high among the next 10 would make it fail.");

    const low = bar(admissionProgress(claimOpinion(50, 15, "low")), "claim_opinion_low");
    expect(moveSentence(low)).toBe("1 ClaimOpinion-low note among the next 10 would make it fail.");
  });
});
