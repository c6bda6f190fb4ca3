/**
 * Two times. The wall clock (injectable) checks OAuth timestamps and times rate-limit windows, because clients
 * sign with their own wall clock and read x-rate-limit-reset against it. Simulated time = wall clock plus
 * whatever the control API advanced; it ages notes (statuses, scoring) and releases live-feed posts, so a
 * test can jump days ahead without breaking signatures.
 */
export class SimClock {
  private offsetMs = 0;
  readonly startedAt: number;

  constructor(private readonly wall: () => number) {
    this.startedAt = wall();
  }

  wallNow(): number {
    return this.wall();
  }

  now(): number {
    return this.wall() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Simulated time since the simulator started. */
  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
