import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Role } from "@/lib/auth/roles";
import { createTestDatabase } from "@/tests/support/db";
import { seedDraft, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { signInAs } from "@/tests/support/fixtures/session";

/** The checklist's actions as the browser reaches them, with the app's own (unconfigured) X and link checker. */

vi.mock("@/lib/auth/session", () => import("@/tests/support/fixtures/session"));

const actions = await import("./actions");

const t = await createTestDatabase();
afterAll(() => t.drop());

const as = (role: Role) => signInAs(t.db, role);

let draftId: string;
beforeAll(async () => {
  const writer = await seedWriter(t.db);
  // No link: nothing here reaches the network.
  draftId = (await seedDraft(t.db, { writerId: writer.id, note: validNote({ text: "An opinion without a source." }) })).id;
});

describe("gates actions", () => {
  it("evaluating needs a reviewer", async () => {
    await as("viewer");
    expect(await actions.evaluateGatesAction({ draftId })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("a reviewer gets the checklist; without X configured the evaluator gate fails, it never passes", async () => {
    await as("reviewer");
    const result = await actions.evaluateGatesAction({ draftId });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.gates.find((g) => g.id === "evaluator")).toMatchObject({ pass: false, reason: expect.stringContaining("The X API is not configured") });
    expect(result.data.blockedBy).toEqual(["At least one link", "Every link answers 200", "evaluate_note score"]);
  });

  it("overriding needs an admin", async () => {
    await as("approver");
    expect(await actions.overrideGateAction({ draftId, gate: "links", payloadHash: "a".repeat(64), reason: "Because I really think so, honestly." })).toMatchObject({ ok: false, code: "forbidden" });
    await as("admin");
    expect(await actions.overrideGateAction({ draftId, gate: "links", payloadHash: "a".repeat(64), reason: "Because I really think so, honestly." })).toMatchObject({
      ok: false,
      code: "blocked",
      message: expect.stringContaining("nothing to override"),
    });
  });
});
