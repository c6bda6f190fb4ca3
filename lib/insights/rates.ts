/**
 * Shares that do not pretend to more precision than their counts hold: below MIN_N there is no
 * percentage at all, only "k of n"; above it, a 95% Wilson interval goes with every share, and two
 * groups only "differ" when their intervals do not overlap. Pure.
 */

export const MIN_N = 10;

export type RateDto = {
  k: number;
  n: number;
  /** k ÷ n, only from MIN_N on. */
  share: number | null;
  /** The 95% Wilson score interval, only from MIN_N on. */
  low: number | null;
  high: number | null;
};

const Z = 1.96;

/** The Wilson score interval for k successes in n: sound near 0% and 100%, unlike ± 1.96·SE. */
export function wilson(k: number, n: number): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function rateOf(k: number, n: number): RateDto {
  const interval = n >= MIN_N ? wilson(k, n) : null;
  return { k, n, share: interval ? k / n : null, low: interval?.low ?? null, high: interval?.high ?? null };
}

/** Whether `yes` sits clearly above or below `no`, or the counts cannot tell. */
export type Comparison = "higher" | "lower" | "no_clear_difference" | "too_few";

export function compareRates(yes: RateDto, no: RateDto): Comparison {
  if (yes.low === null || yes.high === null || no.low === null || no.high === null) return "too_few";
  if (yes.low > no.high) return "higher";
  if (yes.high < no.low) return "lower";
  return "no_clear_difference";
}
