import { randomFor } from "@/lib/drafting/offline/seeded-random";

/**
 * Bradley–Terry rankings of drafting variants from blind comparisons (docs/variants.md). Pure: the
 * comparisons come in, strengths and intervals go out.
 */

/** One judgement between two variants: which won, or a tie ("about the same"). */
export type Judgement = { first: string; second: string; winner: "first" | "second" | "tie" };

export type BradleyTerryOptions = {
  /**
   * Virtual ties of every variant against a fixed reference of strength 1: a little shrinkage towards
   * the average so a variant that has only won (or only lost) still gets a finite strength. 0 gives the
   * plain maximum-likelihood estimate, which needs every variant to have won and lost something.
   */
  prior?: number;
  tolerance?: number;
  maxIterations?: number;
};

export const DEFAULT_PRIOR = 1;

/**
 * Strengths p by Hunter's MM algorithm (2004): p_i ← W_i / Σ_j n_ij / (p_i + p_j), with a tie counted
 * as half a win to each side. The result is scaled so the strengths' geometric mean is 1; only ratios
 * mean anything (p_i / (p_i + p_j) is the chance i is preferred to j).
 */
export function bradleyTerry(ids: readonly string[], judgements: readonly Judgement[], options: BradleyTerryOptions = {}): Map<string, number> {
  const tally = tallyPairs(ids, judgements, judgements.map((_, i) => i));
  return new Map(strengthsOf(tally, options).map((p, i) => [ids[i]!, p]));
}

/** Wins per variant (a tie is half to each) and games per pair, over the judgements at `picks` (a bootstrap sample repeats some). */
type PairTally = { wins: number[]; games: number[][] };

function tallyPairs(ids: readonly string[], judgements: readonly Judgement[], picks: readonly number[]): PairTally {
  const index = new Map(ids.map((id, i) => [id, i]));
  const wins = new Array<number>(ids.length).fill(0);
  const games = ids.map(() => new Array<number>(ids.length).fill(0));
  for (const pick of picks) {
    const { first, second, winner } = judgements[pick]!;
    const i = index.get(first);
    const j = index.get(second);
    if (i === undefined || j === undefined || i === j) continue;
    games[i]![j]! += 1;
    games[j]![i]! += 1;
    if (winner === "first") wins[i]! += 1;
    else if (winner === "second") wins[j]! += 1;
    else {
      wins[i]! += 0.5;
      wins[j]! += 0.5;
    }
  }
  return { wins, games };
}

function strengthsOf({ wins, games }: PairTally, options: BradleyTerryOptions): number[] {
  const prior = options.prior ?? DEFAULT_PRIOR;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10_000;
  const n = wins.length;
  const target = wins.map((w) => w + prior / 2);
  let strengths = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = strengths.map((p, i) => {
      let denominator = prior / (p + 1);
      for (let j = 0; j < n; j++) if (games[i]![j]) denominator += games[i]![j]! / (p + strengths[j]!);
      return denominator > 0 ? target[i]! / denominator : p;
    });
    // Without a reference only ratios are fixed, so the scale is pinned each round.
    const scaled = prior > 0 ? next : normalise(next);
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(scaled[i]! - strengths[i]!) / Math.max(strengths[i]!, Number.MIN_VALUE));
    strengths = scaled;
    if (change < tolerance) break;
  }
  return normalise(strengths);
}

function normalise(strengths: number[]): number[] {
  const positive = strengths.filter((p) => p > 0);
  if (positive.length === 0) return strengths;
  const logMean = positive.reduce((sum, p) => sum + Math.log(p), 0) / positive.length;
  return strengths.map((p) => p / Math.exp(logMean));
}

/** On the Elo scale: 1500 is the geometric-mean variant, and 400 points is 10-to-1 odds of being preferred. */
export function eloScale(strength: number): number {
  return 1500 + 400 * Math.log10(strength);
}

export type VariantRanking = {
  id: string;
  /** Elo-scale rating from all the comparisons. */
  rating: number;
  /** 95 % bootstrap interval of the rating (comparisons resampled with replacement). */
  interval: { low: number; high: number };
  comparisons: number;
  wins: number;
  losses: number;
  ties: number;
};

export type RankingOptions = BradleyTerryOptions & { resamples?: number; seed?: string };

/**
 * Ratings with their uncertainty, best first. The interval comes from a seeded bootstrap, so the same
 * comparisons always give the same figures.
 */
export function rankVariants(ids: readonly string[], judgements: readonly Judgement[], options: RankingOptions = {}): VariantRanking[] {
  const resamples = options.resamples ?? 200;
  const ratings = bradleyTerry(ids, judgements, options);
  const random = randomFor(options.seed ?? "variant-rankings");
  const samples = new Map(ids.map((id) => [id, [] as number[]]));
  // An interval needs less precision than the estimate: 1e-6 relative is far below a rating point.
  const sampleOptions = { ...options, tolerance: Math.max(options.tolerance ?? 0, 1e-6) };
  if (judgements.length > 0) {
    for (let round = 0; round < resamples; round++) {
      const picks = Array.from({ length: judgements.length }, () => Math.floor(random() * judgements.length));
      strengthsOf(tallyPairs(ids, judgements, picks), sampleOptions).forEach((strength, i) => samples.get(ids[i]!)!.push(eloScale(strength)));
    }
  }
  return ids
    .map((id) => {
      const rating = eloScale(ratings.get(id)!);
      const spread = samples.get(id)!.sort((a, b) => a - b);
      const tally = tallyOf(id, judgements);
      return { id, rating, interval: spread.length ? { low: quantile(spread, 0.025), high: quantile(spread, 0.975) } : { low: rating, high: rating }, ...tally };
    })
    .sort((a, b) => b.rating - a.rating || a.id.localeCompare(b.id));
}

function tallyOf(id: string, judgements: readonly Judgement[]) {
  const tally = { comparisons: 0, wins: 0, losses: 0, ties: 0 };
  for (const { first, second, winner } of judgements) {
    if ((first !== id && second !== id) || first === second) continue;
    tally.comparisons += 1;
    if (winner === "tie") tally.ties += 1;
    else if ((winner === "first") === (first === id)) tally.wins += 1;
    else tally.losses += 1;
  }
  return tally;
}

/** Linear interpolation between the nearest ranks of a sorted list. */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
