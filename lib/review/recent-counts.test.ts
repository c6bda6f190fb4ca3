import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DraftCounts, QueueCounts } from "./dto";

const counted = vi.hoisted(() => ({ calls: 0, next: null as Promise<QueueCounts> | null }));
vi.mock("./queue", () => ({
  countQueue: () => {
    counted.calls += 1;
    return counted.next ?? Promise.resolve({ states: { ready: counted.calls } as DraftCounts, triagedOut: 0 });
  },
}));

let recentQueueCounts: typeof import("./recent-counts").recentQueueCounts;

describe("recentQueueCounts", () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    counted.calls = 0;
    counted.next = null;
    // A fresh module, so no test sees the counts another one cached.
    vi.resetModules();
    ({ recentQueueCounts } = await import("./recent-counts"));
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

  it("serves requests within 5 s from one count, shared by requests at the same moment", async () => {
    const [a, b] = await Promise.all([recentQueueCounts(undefined), recentQueueCounts(undefined)]);
    advance(4_000);
    const c = await recentQueueCounts(undefined);
    expect(counted.calls).toBe(1);
    expect([a.states.ready, b.states.ready, c.states.ready]).toEqual([1, 1, 1]);
  });

  it("serves an older count while a fresh one runs, and the fresh one next time", async () => {
    await recentQueueCounts(undefined);
    advance(6_000);
    expect((await recentQueueCounts(undefined)).states.ready).toBe(1);
    expect(counted.calls).toBe(2);
    expect((await recentQueueCounts(undefined)).states.ready).toBe(2);
  });

  it("waits for a fresh count once the last one is over a minute old", async () => {
    await recentQueueCounts(undefined);
    advance(61_000);
    expect((await recentQueueCounts(undefined)).states.ready).toBe(2);
  });

  it("keeps counts per writer and forgets a failed count", async () => {
    counted.next = Promise.reject(new Error("database down"));
    await expect(recentQueueCounts("writer-a")).rejects.toThrow("database down");
    counted.next = null;
    expect((await recentQueueCounts("writer-a")).states.ready).toBe(2);
    expect((await recentQueueCounts("writer-b")).states.ready).toBe(3);
  });
});
