import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Role } from "@/lib/auth/roles";
import { seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";
import { signInAs } from "@/tests/support/fixtures/session";

/** The controls as the browser reaches them: admin only, input checked, every change audited. */

vi.mock("@/lib/auth/session", () => import("@/tests/support/fixtures/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");

const t = await createTestDatabase();
afterAll(() => t.drop());

const as = (role: Role) => signInAs(t.db, role);

let writerId: string;
beforeAll(async () => {
  writerId = (await seedWriter(t.db)).id;
});

describe("controls actions", () => {
  it("refuse everyone but an admin", async () => {
    for (const role of ["viewer", "reviewer", "approver"] as const) {
      await as(role);
      expect(await actions.setEmergencyStopAction({ reason: "Trying to stop everything here." })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await actions.switchWriterModeAction({ writerId, from: "test", to: "production" })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await actions.setModelPriceAction({ model: "grok-4", price: null })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await t.db.auditEvent.count()).toBe(0);
  });

  it("let an admin set and lift the emergency stop, with a reason of a sentence", async () => {
    const admin = await as("admin");
    expect(await actions.setEmergencyStopAction({ reason: "no" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: [expect.stringContaining("in a sentence")] } });
    expect(await actions.setEmergencyStopAction({ reason: "Pausing while we audit yesterday's notes." })).toMatchObject({
      ok: true,
      data: { reason: "Pausing while we audit yesterday's notes.", setBy: { id: admin.id } },
    });
    expect(await actions.liftEmergencyStopAction({ reason: "Audit done, nothing wrong found." })).toEqual({ ok: true, data: { lifted: true } });
  });

  it("let an admin switch a writer's mode, set its threshold, budget and a model's price", async () => {
    await as("admin");
    expect(await actions.switchWriterModeAction({ writerId, from: "test", to: "production" })).toEqual({ ok: true, data: { writerId, mode: "production", voidedApprovals: 0 } });
    expect(await actions.setThresholdAction({ writerId, minScore: 0.5 })).toEqual({ ok: true, data: { minScore: 0.5, source: "writer" } });
    expect(await actions.setLlmBudgetAction({ writerId, dailyDollars: 3, monthlyDollars: null })).toMatchObject({ ok: true, data: { today: { capMicros: 3_000_000 } } });
    expect(await actions.setModelPriceAction({ model: "grok-4", price: { inputDollarsPerMillion: 2, outputDollarsPerMillion: 10 } })).toMatchObject({
      ok: true,
      data: { model: "grok-4", inputMicrosPerMillionTokens: 2_000_000, source: "admin" },
    });
    expect(await actions.setThresholdAction({ writerId, minScore: "high" as unknown as number })).toMatchObject({ ok: false, code: "invalid" });
    const audited = await t.db.auditEvent.findMany({ where: { OR: [{ subjectId: writerId }, { subjectId: "llm_price:grok-4" }] }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audited.map((e) => e.action)).toEqual(["writer.mode", "writer.claim_opinion_threshold", "writer.llm_budget", "control.llm_price"]);
  });
});
