export type RateLimits = {
  /** Requests per window across all notes endpoints, per writer. */
  requestsPerWindow: number;
  windowMs: number;
  /** POST /2/notes per day, per writer. */
  notesPerDay: number;
  dayMs: number;
};

export const realRateLimits: RateLimits = { requestsPerWindow: 90, windowMs: 15 * 60_000, notesPerDay: 250, dayMs: 24 * 3_600_000 };

/** Small enough that a test spends a budget in a handful of requests. */
export const lowRateLimits: RateLimits = { requestsPerWindow: 6, windowMs: 60_000, notesPerDay: 3, dayMs: 24 * 3_600_000 };

/** X's fixed windows: a window opens with its first request and resets all at once. */
class FixedWindow {
  private used = 0;
  private endsAt: number | null = null;

  constructor(
    private readonly limit: number,
    private readonly lengthMs: number,
  ) {}

  private roll(now: number): void {
    if (this.endsAt !== null && now >= this.endsAt) {
      this.used = 0;
      this.endsAt = null;
    }
  }

  spent(now: number): boolean {
    this.roll(now);
    return this.used >= this.limit;
  }

  take(now: number): void {
    this.roll(now);
    this.endsAt ??= now + this.lengthMs;
    this.used += 1;
  }

  headers(prefix: string, now: number): Record<string, string> {
    this.roll(now);
    const reset = this.endsAt ?? now + this.lengthMs;
    return {
      [`${prefix}-limit`]: String(this.limit),
      [`${prefix}-remaining`]: String(Math.max(0, this.limit - this.used)),
      [`${prefix}-reset`]: String(Math.ceil(reset / 1000)),
    };
  }
}

type WriterWindows = { requests: FixedWindow; notes: FixedWindow };

export class RateLimiter {
  private readonly writers = new Map<string, WriterWindows>();

  constructor(private readonly limits: RateLimits) {}

  private windows(writerId: string): WriterWindows {
    let windows = this.writers.get(writerId);
    if (!windows) {
      windows = {
        requests: new FixedWindow(this.limits.requestsPerWindow, this.limits.windowMs),
        notes: new FixedWindow(this.limits.notesPerDay, this.limits.dayMs),
      };
      this.writers.set(writerId, windows);
    }
    return windows;
  }

  /**
   * Counts one request, or refuses it when a budget is spent. x-rate-limit-* describe the 15-minute window;
   * POST /2/notes also carries x-user-limit-24hour-* for the daily note allowance, as X's create endpoints do.
   */
  admit(writerId: string, createsNote: boolean, now: number): { allowed: boolean; headers: Record<string, string> } {
    const { requests, notes } = this.windows(writerId);
    const allowed = !requests.spent(now) && !(createsNote && notes.spent(now));
    if (allowed) {
      requests.take(now);
      if (createsNote) notes.take(now);
    }
    return {
      allowed,
      headers: { ...requests.headers("x-rate-limit", now), ...(createsNote ? notes.headers("x-user-limit-24hour", now) : {}) },
    };
  }

  /** Headers for a request that was not counted (e.g. failed authentication). */
  peek(writerId: string, now: number): Record<string, string> {
    return this.windows(writerId).requests.headers("x-rate-limit", now);
  }

  reset(): void {
    this.writers.clear();
  }
}
