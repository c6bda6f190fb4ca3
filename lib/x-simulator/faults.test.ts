import { describe, expect, it } from "vitest";

import { FaultBoard } from "./faults";

function fired(board: FaultBoard, requests: number, route: "eligible_posts" | "create_note" = "eligible_posts"): boolean[] {
  return Array.from({ length: requests }, () => board.draw(route).failure !== null);
}

describe("FaultBoard", () => {
  it("fires a one-shot fault once, then forgets it", () => {
    const board = new FaultBoard();
    board.add({ route: "eligible_posts", fault: { kind: "server_error" } });
    expect(fired(board, 3)).toEqual([true, false, false]);
    expect(board.list()).toEqual([]);
  });

  it("fires every n-th matching request", () => {
    const board = new FaultBoard();
    board.add({ route: "eligible_posts", fault: { kind: "drop_connection" }, schedule: { kind: "every", n: 3 } });
    expect(board.draw("create_note").failure).toBeNull();
    expect(fired(board, 6)).toEqual([false, false, true, false, false, true]);
  });

  it("fires at random, replayably from its seed", () => {
    const sequence = () => {
      const board = new FaultBoard();
      board.add({ route: "*", fault: { kind: "timeout" }, schedule: { kind: "random", probability: 0.5, seed: 42 } });
      return fired(board, 40);
    };
    const first = sequence();
    expect(sequence()).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(10);
    expect(first.filter(Boolean).length).toBeLessThan(30);
  });

  it("adds latency from every rule that fires and reports the first failure", () => {
    const board = new FaultBoard();
    board.add({ route: "*", fault: { kind: "latency", ms: 20 }, schedule: { kind: "every", n: 1 } });
    board.add({ route: "create_note", fault: { kind: "latency", ms: 30 } });
    board.add({ route: "create_note", fault: { kind: "fail_after_commit" } });
    board.add({ route: "create_note", fault: { kind: "server_error", status: 500 } });
    expect(board.draw("create_note")).toEqual({ latencyMs: 50, failure: { kind: "fail_after_commit", then: "drop_connection" } });
    expect(board.draw("create_note")).toEqual({ latencyMs: 20, failure: null });
  });

  it("validates rules and can remove one", () => {
    const board = new FaultBoard();
    expect(() => board.add({ route: "nowhere" as "create_note", fault: { kind: "timeout" } })).toThrow();
    expect(() => board.add({ route: "create_note", fault: { kind: "server_error", status: 418 as 500 } })).toThrow();
    const id = board.add({ route: "create_note", fault: { kind: "timeout" }, schedule: { kind: "every", n: 1 } });
    expect(board.remove(id)).toBe(true);
    expect(board.remove(id)).toBe(false);
  });
});
