import type { NormalizedPost } from "@/lib/posts/post";

import type { PriorityFactors } from "./types";

/**
 * How soon a post should be reviewed. A note's value falls with every hour the post spreads without
 * it, so priority decays exponentially with age:
 *
 *   priority(now) = checkability · (1 + note requests)^REQUESTS · (1 + reach)^REACH · 2^(−age / HALF_LIFE)
 *
 * In logs, ln priority(now) = base − DECAY · (now − agedFrom), with base the age-independent part.
 * Rewritten as (base + DECAY · agedFrom) − DECAY · now, the first term is fixed per post and the
 * second is the same for every post at a given moment. So the stored
 *
 *   priority_key = base + DECAY · hours(agedFrom since the epoch)
 *
 * orders posts exactly as their priority does at any moment, and it never has to be recomputed as
 * time passes: a plain column, `ORDER BY priority_key DESC`, copied onto drafts for the queue's index.
 * Changing the half-life changes every key; docs/triage.md has the one UPDATE that recomputes them.
 */
export const PRIORITY_HALF_LIFE_HOURS = 12;

/** Each doubling of (1 + note requests) doubles priority: worth one half-life of age. */
const REQUESTS_EXPONENT = 1;
/** Ten times the reach is worth ×1.4, about 6 hours: reach matters, freshness more. */
const REACH_EXPONENT = 0.15;
/** X's typical engagement rate is a few percent: impressions ≈ 30 × engagements when X sends no impressions. */
const IMPRESSIONS_PER_ENGAGEMENT = 30;
/** Checkability 0 would make the log −∞ and the post unsortable; it only ever ranks last. */
const MIN_CHECKABILITY = 0.01;

const HOUR_MS = 3_600_000;

const decayPerHour = (halfLifeHours: number) => Math.LN2 / halfLifeHours;

/** What a post's priority is computed from besides its checkability: all in the post's own row. */
export function priorityFactorsOf(post: Pick<NormalizedPost, "noteRequests" | "publicMetrics">): PriorityFactors {
  const { reach, reachEstimated } = reachOf(post.publicMetrics);
  return { noteRequests: post.noteRequests.length, reach, reachEstimated };
}

/** Impressions when X sent them, else an estimate from likes, reposts, quotes and replies; null without metrics. */
export function reachOf(metrics: Record<string, number> | null): Pick<PriorityFactors, "reach" | "reachEstimated"> {
  if (!metrics) return { reach: null, reachEstimated: false };
  const impressions = metrics.impression_count;
  if (impressions !== undefined && impressions > 0) return { reach: impressions, reachEstimated: false };
  const engagements = (metrics.like_count ?? 0) + (metrics.retweet_count ?? 0) + (metrics.quote_count ?? 0) + (metrics.reply_count ?? 0);
  return engagements > 0 ? { reach: engagements * IMPRESSIONS_PER_ENGAGEMENT, reachEstimated: true } : { reach: null, reachEstimated: false };
}

// Six decimals of a log are far finer than any difference in urgency, and keep stored rows short.
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** ln of the age-independent priority. */
export function priorityBase(checkability: number, factors: PriorityFactors): number {
  return round6(
    Math.log(Math.max(MIN_CHECKABILITY, checkability)) +
      REQUESTS_EXPONENT * Math.log1p(factors.noteRequests) +
      REACH_EXPONENT * Math.log1p(factors.reach ?? 0),
  );
}

/** The sortable key: higher = review sooner, at every moment. */
export function priorityKey(base: number, agedFrom: Date, halfLifeHours = PRIORITY_HALF_LIFE_HOURS): number {
  return round6(base + decayPerHour(halfLifeHours) * (agedFrom.getTime() / HOUR_MS));
}

/** The age-independent part back from a stored key: the key less its age term. */
export function baseFromKey(key: number, agedFrom: Date, halfLifeHours = PRIORITY_HALF_LIFE_HOURS): number {
  return round6(key - decayPerHour(halfLifeHours) * (agedFrom.getTime() / HOUR_MS));
}

/** The priority itself at `now`, for display ("×0.4 of what it was when posted"). */
export function priorityAt(base: number, agedFrom: Date, now: Date, halfLifeHours = PRIORITY_HALF_LIFE_HOURS): number {
  const ageHours = Math.max(0, (now.getTime() - agedFrom.getTime()) / HOUR_MS);
  return Math.exp(base - decayPerHour(halfLifeHours) * ageHours);
}
