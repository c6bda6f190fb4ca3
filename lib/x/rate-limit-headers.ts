/** One limit as X reports it in response headers. */
export type RateLimitReading = { limit: number; remaining: number; resetAt: Date };

export type RateLimitHeaders = {
  /** x-rate-limit-*: the 15-minute window, on every response. */
  window: RateLimitReading | null;
  /** x-user-limit-24hour-*: the writer's daily allowance, on POST /2/notes. */
  userDay: RateLimitReading | null;
};

function integer(headers: Pick<Headers, "get">, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

function reading(headers: Pick<Headers, "get">, prefix: string): RateLimitReading | null {
  const limit = integer(headers, `${prefix}-limit`);
  const remaining = integer(headers, `${prefix}-remaining`);
  const reset = integer(headers, `${prefix}-reset`);
  if (limit === null || remaining === null || reset === null) return null;
  return { limit, remaining, resetAt: new Date(reset * 1000) };
}

export function readRateLimitHeaders(headers: Pick<Headers, "get">): RateLimitHeaders {
  return { window: reading(headers, "x-rate-limit"), userDay: reading(headers, "x-user-limit-24hour") };
}

/**
 * When a 429 lifts: the latest reset among the spent limits (the daily note allowance outlasts the
 * 15-minute window), else x-rate-limit-reset, else null when X does not say.
 */
export function resetAfter429(headers: RateLimitHeaders): Date | null {
  const spent = [headers.window, headers.userDay].filter((r): r is RateLimitReading => r !== null && r.remaining === 0);
  const latest = spent.map((r) => r.resetAt).sort((a, b) => b.getTime() - a.getTime())[0];
  return latest ?? headers.window?.resetAt ?? null;
}
