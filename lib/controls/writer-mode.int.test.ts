import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approveDraft } from "@/lib/submission/approve";
import { auditActions, draftRow, seedDraft, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { switchWriterMode } from "./writer-mode";

const t = await createTestDatabase();
afterAll(() => t.drop());

let admin: { id: string; name: string };
beforeAll(async () => {
  admin = await seedUser(t.db, "Ada Admin", "admin");
});

describe("switching a writer's mode", () => {
  it("is audited and voids approvals made in the old mode, leaving them unsendable and saying why", async () => {
    const writer = await seedWriter(t.db, true);
    const draft = await seedDraft(t.db, { writerId: writer.id });
    const { submission } = await approveDraft(draft.id, draft.version, admin);

    const result = await switchWriterMode({ writerId: writer.id, from: "test", to: "production" }, admin);

    expect(result).toEqual({ writerId: writer.id, mode: "production", voidedApprovals: 1 });
    expect(await t.db.writer.findUniqueOrThrow({ where: { id: writer.id }, select: { testMode: true } })).toEqual({ testMode: false });
    expect(await auditActions(t.db, writer.id)).toEqual(["writer.mode"]);
    const voided = await t.db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { state: true, lastError: true } });
    expect(voided).toEqual({ state: "failed", lastError: expect.stringContaining("switched to production mode after this was approved") });
    expect((await draftRow(t.db, draft.id)).state).toBe("failed");
    expect(await auditActions(t.db, submission.id)).toEqual(["submission.create", "submission.block"]);
  });

  it("refuses a stale confirmation: the writer is no longer in the mode the admin saw", async () => {
    const writer = await seedWriter(t.db, false);
    await expect(switchWriterMode({ writerId: writer.id, from: "test", to: "production" }, admin)).rejects.toMatchObject({ code: "conflict" });
    expect(await auditActions(t.db, writer.id)).toEqual([]);
  });

  it("refuses a switch to the mode it is in, and an unknown writer", async () => {
    const writer = await seedWriter(t.db, true);
    await expect(switchWriterMode({ writerId: writer.id, from: "test", to: "test" }, admin)).rejects.toMatchObject({ code: "invalid_state" });
    await expect(switchWriterMode({ writerId: "nope", from: "test", to: "production" }, admin)).rejects.toMatchObject({ code: "not_found" });
  });

  it("back to test mode keeps approvals made for the test feed", async () => {
    const writer = await seedWriter(t.db, false);
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: true });
    await switchWriterMode({ writerId: writer.id, from: "production", to: "test" }, admin);
    const { submission } = await approveDraft(draft.id, draft.version, admin);
    expect(submission.state).toBe("pending");
    expect(await switchWriterMode({ writerId: writer.id, from: "test", to: "production" }, admin)).toMatchObject({ voidedApprovals: 1 });
  });
});
