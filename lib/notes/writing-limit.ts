/**
 * X's daily writing limit for production notes (x-api-reference §3), as published. Pure, so the
 * queue's warning, the notes page and the tests all run exactly the same arithmetic. X does not
 * report the limit: everything here is an estimate from what notes_written shows.
 */

/** The formula's inputs, under X's own names. */
export type WritingLimitInputs = {
  /** CRNH notes among the last 5 notes with a non-NMR status. */
  NH_5: number;
  /** CRNH notes among the last 10 notes with a non-NMR status. */
  NH_10: number;
  /** Hit rate (CRH − CRNH) / notes over the last 20 notes. */
  HR_R: number;
  /** Hit rate over the last 100 notes. */
  HR_100: number;
  /** Hit rate over the last 14 days. */
  HR_14d: number;
  /** Notes per day over the last 30 days. */
  DN_30: number;
  /** Production notes written, ever. */
  T: number;
};

/** Which rule of the formula decided the limit. */
export type WritingLimitRule = "many_recent_not_helpful" | "some_recent_not_helpful" | "new_writer" | "hit_rate";

export type WritingLimit = {
  limit: number;
  rule: WritingLimitRule;
  /** max(HR_100, HR_14d). */
  HR_L: number;
  /** The hit-rate allowance; only the last rule uses it. */
  WL_L: number;
};

/** (CRH − CRNH) / notes; a window without notes has a rate of 0. */
export function hitRate(window: { helpful: number; notHelpful: number; notes: number }): number {
  return window.notes === 0 ? 0 : (window.helpful - window.notHelpful) / window.notes;
}

export function longTermHitRate(inputs: Pick<WritingLimitInputs, "HR_100" | "HR_14d">): number {
  return Math.max(inputs.HR_100, inputs.HR_14d);
}

/** WL_L: the allowance a hit rate earns, in X's bands. */
export function hitRateAllowance(HR_R: number, HR_L: number): number {
  if (HR_L < 0.05) return 300 * Math.max(HR_R, HR_L);
  if (HR_L < 0.1) return 15 + 700 * (HR_L - 0.05);
  if (HR_L < 0.15) return 50 + 3000 * (HR_L - 0.1);
  if (HR_L < 0.2) return 200 + 6000 * (HR_L - 0.15);
  return 500;
}

export function writingLimit(inputs: WritingLimitInputs): WritingLimit {
  const HR_L = longTermHitRate(inputs);
  const WL_L = hitRateAllowance(inputs.HR_R, HR_L);
  if (inputs.NH_10 >= 8) return { limit: 2, rule: "many_recent_not_helpful", HR_L, WL_L };
  if (inputs.NH_5 >= 3) return { limit: 5, rule: "some_recent_not_helpful", HR_L, WL_L };
  if (inputs.T < 20) return { limit: 10, rule: "new_writer", HR_L, WL_L };
  return { limit: Math.max(5, floorExact(Math.min(5 * inputs.DN_30, WL_L))), rule: "hit_rate", HR_L, WL_L };
}

/**
 * floor() after rounding away binary noise: 15 + 700 · (0.06 − 0.05) is 21.999999999999996 in
 * doubles, and X, working with the decimal rates, would allow 22.
 */
function floorExact(value: number): number {
  return Math.floor(Math.round(value * 1e6) / 1e6);
}

/** One sentence per rule, for the page and the queue's warning. */
export const writingLimitRuleText: Record<WritingLimitRule, string> = {
  many_recent_not_helpful: "8 or more of the last 10 rated notes were rated not helpful (NH_10 ≥ 8)",
  some_recent_not_helpful: "3 or more of the last 5 rated notes were rated not helpful (NH_5 ≥ 3)",
  new_writer: "fewer than 20 production notes so far (T < 20)",
  hit_rate: "max(5, floor(min(5 · DN_30, WL_L))) from the hit rate and recent volume",
};
