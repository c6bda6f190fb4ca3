/** Timings of request kinds measured together: the median and the 95th percentile, in ms, and every sample in the order taken. */
export type Timing = { median: number; p95: number; n: number; samples: number[] };

const WARMUP = 5;

/** One kind of request, one at a time, after a warm-up. */
export async function timeRequests(n: number, request: (i: number) => Promise<void>): Promise<Timing> {
  return (await timeInTurns(n, { only: request })).only;
}

/**
 * Runs the kinds in turn (a, b, c, a, b, c, …), one request at a time, after a warm-up of each. On
 * a shared machine load comes and goes: taking turns exposes every kind to the same conditions, so
 * their ratios hold even when the absolute numbers drift. A kind that does more than the part to
 * measure (say, the requests a page makes before the click) times that part itself and returns it, in ms.
 */
export async function timeInTurns<K extends string>(n: number, kinds: Record<K, (i: number) => Promise<void | number>>): Promise<Record<K, Timing>> {
  const names = Object.keys(kinds) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < WARMUP + n; i++) {
    for (const name of names) {
      const started = performance.now();
      const measured = await kinds[name](i);
      if (i >= WARMUP) samples[name].push(typeof measured === "number" ? measured : performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<K, Timing>;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), n: sorted.length, samples };
}

/**
 * The median of a/b over the turns of timeInTurns, each turn's two samples taken moments apart: the
 * machine's load, which drifts over a run, weighs on both sides of each ratio alike.
 */
export function medianPairedRatio(a: Timing, b: Timing): number {
  const ratios = a.samples.map((value, i) => value / (b.samples[i] ?? Number.NaN)).filter(Number.isFinite);
  return summarize(ratios).median;
}

export const ms = (value: number) => value.toFixed(1);
