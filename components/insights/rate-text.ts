import type { Comparison, RateDto } from "@/lib/insights/rates";

/** "11 of 13 · 85% (58–96%)", or only the counts when they are too few for a share. */
export function rateText(rate: RateDto): string {
  if (rate.n === 0) return "—";
  const counts = `${rate.k} of ${rate.n}`;
  if (rate.share === null || rate.low === null || rate.high === null) return counts;
  return `${counts} · ${pct(rate.share)} (${pct(rate.low, false)}–${pct(rate.high)})`;
}

const pct = (share: number, sign = true) => `${Math.round(share * 100)}${sign ? "%" : ""}`;

export const comparisonText: Record<Comparison, string> = {
  higher: "higher with yes",
  lower: "lower with yes",
  no_clear_difference: "no clear difference",
  too_few: "too few to tell",
};
