import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditActions, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { assertWithinLlmBudget, llmBudgetStatuses, setWriterLlmBudget } from "./budgets";

const t = await createTestDatabase();
afterAll(() => t.drop());

let admin: { id: string; name: string };
beforeAll(async () => {
  admin = await seedUser(t.db, "Ada Admin", "admin");
});

const spend = (writerId: string, costMicros: number | null, at = new Date()) =>
  t.db.llmCall.create({ data: { writerId, provider: "xai", model: "grok-4", purpose: "draft", inputTokens: 1, outputTokens: 1, costMicros, ok: costMicros !== null, at } });

describe("LLM budgets", () => {
  it("count this UTC month's calls, leave older ones out, and count calls of unknown cost apart", async () => {
    const writer = await seedWriter(t.db);
    await spend(writer.id, 300);
    await spend(writer.id, null);
    await spend(writer.id, 9_999_999, new Date(Date.now() - 40 * 24 * 3_600_000));
    const [status] = await llmBudgetStatuses(writer.id);
    expect(status).toMatchObject({
      today: { spentMicros: 300, capMicros: null, capSource: null },
      month: { spentMicros: 300, capMicros: null, capSource: null },
      calls: 2,
      unestimatedCalls: 1,
      reached: null,
    });
    await expect(assertWithinLlmBudget(writer.id, "grok-4")).resolves.toBeUndefined();
  });

  it("stop drafting at the monthly cap too, and say until when", async () => {
    const writer = await seedWriter(t.db);
    await setWriterLlmBudget({ writerId: writer.id, dailyDollars: null, monthlyDollars: 0.001 }, admin);
    await spend(writer.id, 1_000);
    await expect(assertWithinLlmBudget(writer.id)).rejects.toMatchObject({
      code: "limit_reached",
      message: expect.stringContaining("of its monthly LLM budget of $0.0010. Drafting is paused until the 1st of next month (UTC)"),
    });
  });

  it("are set per writer in dollars, kept in micro-dollars, and audited", async () => {
    const writer = await seedWriter(t.db);
    const status = await setWriterLlmBudget({ writerId: writer.id, dailyDollars: 2.5, monthlyDollars: 40 }, admin);
    expect(status).toMatchObject({ today: { capMicros: 2_500_000, capSource: "writer" }, month: { capMicros: 40_000_000, capSource: "writer" } });
    expect(await auditActions(t.db, writer.id)).toEqual(["writer.llm_budget"]);
    await expect(setWriterLlmBudget({ writerId: writer.id, dailyDollars: 0, monthlyDollars: null }, admin)).rejects.toThrow("A budget must be more than $0.");
  });
});
