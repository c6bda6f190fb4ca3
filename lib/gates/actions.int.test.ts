import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AuthError } from "@/lib/auth/errors";
import { roleAtLeast, type Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

/** The checklist's actions as the browser reaches them, with the app's own (unconfigured) X and link checker. */

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  requireRole: async (minimum: Role) => {
    if (!session.user) throw new AuthError("unauthenticated");
    if (!roleAtLeast(session.user.role, minimum)) throw new AuthError("forbidden", minimum);
    return session.user;
  },
}));

const actions = await import("./actions");

const t = await createTestDatabase();
afterAll(() => t.drop());

const as = async (role: Role) => {
  const user = await seedUser(t.db, `${role} user`, role);
  session.user = { ...user, email: `${user.id}@notedesk.test`, role };
};

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
