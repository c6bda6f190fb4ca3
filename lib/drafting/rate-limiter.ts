import type { DraftingProvider } from "./provider";

/**
 * A token bucket for a provider's requests-per-minute limit. Each `take()` reserves its token at
 * once (the balance may go negative) and then sleeps off its share of the debt, so concurrent
 * callers are spaced out without polling and in the order they asked.
 */
export type RateLimiter = { take(): Promise<void> };

export type RateLimiterOptions = {
  requestsPerMinute: number;
  /** Requests allowed back to back after a quiet spell. Default: one second's worth (at least 1). */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export const unlimited: RateLimiter = { take: () => Promise.resolve() };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { requestsPerMinute } = options;
  if (!(requestsPerMinute > 0)) throw new RangeError(`requestsPerMinute must be positive, not ${requestsPerMinute}`);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const capacity = options.burst ?? Math.max(1, Math.floor(requestsPerMinute / 60));
  const perMs = requestsPerMinute / 60_000;
  let tokens = capacity;
  let refilledAt = now();

  return {
    async take() {
      const at = now();
      tokens = Math.min(capacity, tokens + (at - refilledAt) * perMs);
      refilledAt = at;
      tokens -= 1;
      if (tokens < 0) await sleep(Math.ceil(-tokens / perMs));
    },
  };
}

/** The provider with every model call (retries included) waiting its turn at `limiter` first. */
export function rateLimited(provider: DraftingProvider, limiter: RateLimiter): DraftingProvider {
  if (limiter === unlimited) return provider;
  return {
    id: provider.id,
    model: provider.model,
    async generate(request) {
      await limiter.take();
      return provider.generate(request);
    },
  };
}
