import { describe, expect, it } from "vitest";

import { createRateBudget, RequestBudget } from "./rate-budget";
import { readRateLimitHeaders, resetAfter429 } from "./rate-limit-headers";

describe("RequestBudget", () => {
  it("refuses once the window's allowance is used, until the window ends", () => {
    const budget = new RequestBudget(2, 1_000);
    expect(budget.refusal(0)).toBeNull();
    budget.record(0);
    budget.record(500);
    expect(budget.refusal(999)).toEqual(new Date(1_000));
    expect(budget.refusal(1_000)).toBeNull();
    expect(budget.snapshot(1_000)).toEqual({ limit: 2, remaining: 2, resetAt: null });
  });

  it("takes X's count over its own", () => {
    const budget = new RequestBudget(90, 900_000);
    budget.sync({ limit: 90, remaining: 0, resetAt: new Date(60_000) }, 0);
    expect(budget.refusal(59_999)).toEqual(new Date(60_000));
    expect(budget.refusal(60_000)).toBeNull();
  });

  it("ignores a reading whose reset has already passed", () => {
    const budget = new RequestBudget(5, 1_000);
    budget.sync({ limit: 5, remaining: 0, resetAt: new Date(10) }, 20);
    expect(budget.refusal(20)).toBeNull();
  });

  it("defaults to X's budgets: 90 per 15 minutes, 250 notes per day", () => {
    const budget = createRateBudget();
    expect(budget.notesWindow.snapshot(0).limit).toBe(90);
    expect(budget.noteCreationsPerDay.snapshot(0).limit).toBe(250);
  });
});

describe("rate-limit headers", () => {
  const headers = new Headers({
    "x-rate-limit-limit": "90",
    "x-rate-limit-remaining": "12",
    "x-rate-limit-reset": "1770000000",
    "x-user-limit-24hour-limit": "250",
    "x-user-limit-24hour-remaining": "0",
    "x-user-limit-24hour-reset": "1770050000",
  });

  it("reads the 15-minute window and the daily note allowance", () => {
    expect(readRateLimitHeaders(headers)).toEqual({
      window: { limit: 90, remaining: 12, resetAt: new Date(1_770_000_000_000) },
      userDay: { limit: 250, remaining: 0, resetAt: new Date(1_770_050_000_000) },
    });
  });

  it("waits for the spent limit after a 429, not merely the window", () => {
    expect(resetAfter429(readRateLimitHeaders(headers))).toEqual(new Date(1_770_050_000_000));
  });

  it("treats missing or garbled headers as unknown", () => {
    expect(readRateLimitHeaders(new Headers({ "x-rate-limit-limit": "90", "x-rate-limit-remaining": "soon" }))).toEqual({ window: null, userDay: null });
    expect(resetAfter429({ window: null, userDay: null })).toBeNull();
  });
});
