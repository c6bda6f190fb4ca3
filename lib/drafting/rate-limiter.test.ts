import { describe, expect, it } from "vitest";

import { createRateLimiter, rateLimited, unlimited } from "./rate-limiter";
import { scriptedProvider } from "./testing/scripted-provider";

/** A clock that only moves when someone sleeps: each take() resolves at its scheduled time. */
function fakeClock() {
  let now = 0;
  const starts: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    starts,
    record: () => starts.push(now),
  };
}

describe("createRateLimiter", () => {
  it("allows a burst, then spaces requests at the per-minute rate", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 120, burst: 2, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 5; i++) {
      await limiter.take();
      clock.record();
    }
    // 120/min = one every 500 ms once the burst of 2 is spent.
    expect(clock.starts).toEqual([0, 0, 500, 1000, 1500]);
  });

  it("spaces concurrent callers without letting any through early", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 1, now: () => now, sleep: async (ms) => void waits.push(ms) });
    await Promise.all([limiter.take(), limiter.take(), limiter.take()]);
    expect(waits).toEqual([1000, 2000]);
    now = 10_000; // a quiet spell refills the bucket, but only up to the burst
    waits.length = 0;
    await Promise.all([limiter.take(), limiter.take()]);
    expect(waits).toEqual([1000]);
  });

  it("defaults the burst to one second's worth", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 600, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 12; i++) {
      await limiter.take();
      clock.record();
    }
    expect(clock.starts.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(clock.starts.slice(10)).toEqual([100, 200]);
  });

  it("rejects a rate that is not positive", () => {
    expect(() => createRateLimiter({ requestsPerMinute: 0 })).toThrow(RangeError);
  });
});

describe("rateLimited", () => {
  it("makes every model call wait its turn", async () => {
    let taken = 0;
    const provider = rateLimited(scriptedProvider(["a", "b"]), { take: async () => void (taken += 1) });
    await provider.generate({ task: { kind: "draft", post: undefined as never }, system: "", messages: [] });
    await provider.generate({ task: { kind: "draft", post: undefined as never }, system: "", messages: [] });
    expect(taken).toBe(2);
  });

  it("leaves the provider as it is when there is no limit", () => {
    const provider = scriptedProvider([]);
    expect(rateLimited(provider, unlimited)).toBe(provider);
  });
});
