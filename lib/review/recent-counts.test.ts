import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DraftCounts } from "./dto";

const counted = vi.hoisted(() => ({ calls: 0, next: null as Promise<DraftCounts> | null }));
vi.mock("./queue", () => ({
  countDraftsByState: () => {
    counted.calls += 1;
    return counted.next ?? Promise.resolve({ ready: counted.calls } as DraftCounts);
  },
}));

let recentDraftCounts: typeof import("./recent-counts").recentDraftCounts;

describe("recentDraftCounts", () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    counted.calls = 0;
    counted.next = null;
    // A fresh module, so no test sees the counts another one cached.
    vi.resetModules();
    ({ recentDraftCounts } = await import("./recent-counts"));
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

  it("serves requests within 5 s from one count, shared by requests at the same moment", async () => {
    const [a, b] = await Promise.all([recentDraftCounts(undefined), recentDraftCounts(undefined)]);
    advance(4_000);
    const c = await recentDraftCounts(undefined);
    expect(counted.calls).toBe(1);
    expect([a.ready, b.ready, c.ready]).toEqual([1, 1, 1]);
  });

  it("serves an older count while a fresh one runs, and the fresh one next time", async () => {
    await recentDraftCounts(undefined);
    advance(6_000);
    expect((await recentDraftCounts(undefined)).ready).toBe(1);
    expect(counted.calls).toBe(2);
    expect((await recentDraftCounts(undefined)).ready).toBe(2);
  });

  it("waits for a fresh count once the last one is over a minute old", async () => {
    await recentDraftCounts(undefined);
    advance(61_000);
    expect((await recentDraftCounts(undefined)).ready).toBe(2);
  });

  it("keeps counts per writer and forgets a failed count", async () => {
    counted.next = Promise.reject(new Error("database down"));
    await expect(recentDraftCounts("writer-a")).rejects.toThrow("database down");
    counted.next = null;
    expect((await recentDraftCounts("writer-a")).ready).toBe(2);
    expect((await recentDraftCounts("writer-b")).ready).toBe(3);
  });
});
