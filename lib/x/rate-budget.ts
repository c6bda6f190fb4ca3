import type { RateLimitReading } from "./rate-limit-headers";

export type BudgetSnapshot = { limit: number; remaining: number; resetAt: Date | null };

/**
 * A fixed-window request allowance, counted locally and corrected by X's headers whenever they arrive, so a
 * spent budget is refused here instead of spending a request to learn it from a 429.
 */
export class RequestBudget {
  private used = 0;
  private windowEndsAt: number | null = null;

  constructor(
    private limit: number,
    private readonly windowMs: number,
  ) {}

  private roll(now: number): void {
    if (this.windowEndsAt !== null && now >= this.windowEndsAt) {
      this.used = 0;
      this.windowEndsAt = null;
    }
  }

  /** The time the budget frees up, or null when a request may go out now. */
  refusal(now: number): Date | null {
    this.roll(now);
    return this.used >= this.limit && this.windowEndsAt !== null ? new Date(this.windowEndsAt) : null;
  }

  record(now: number): void {
    this.roll(now);
    this.windowEndsAt ??= now + this.windowMs;
    this.used += 1;
  }

  /** X's count wins over ours: other processes may share the writer's budget. */
  sync(reading: RateLimitReading, now: number): void {
    if (reading.resetAt.getTime() <= now) return;
    this.limit = reading.limit;
    this.used = Math.max(0, reading.limit - reading.remaining);
    this.windowEndsAt = reading.resetAt.getTime();
  }

  snapshot(now: number): BudgetSnapshot {
    this.roll(now);
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      resetAt: this.windowEndsAt === null ? null : new Date(this.windowEndsAt),
    };
  }
}

/** The writer's two X allowances. Share one across clients of the same writer so they count together. */
export type RateBudget = { notesWindow: RequestBudget; noteCreationsPerDay: RequestBudget };

export function createRateBudget(
  limits: { requestsPer15Minutes?: number; noteCreationsPerDay?: number } = {},
): RateBudget {
  return {
    notesWindow: new RequestBudget(limits.requestsPer15Minutes ?? 90, 15 * 60_000),
    noteCreationsPerDay: new RequestBudget(limits.noteCreationsPerDay ?? 250, 24 * 60 * 60_000),
  };
}
