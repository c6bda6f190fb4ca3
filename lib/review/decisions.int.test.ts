import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { approveDraft } from "@/lib/submission/approve";
import { auditActions, draftRow, reviewTestbed, seedDraft } from "@/tests/support/fixtures/review";

import { claimDraft } from "./claims";
import { rejectDraft, reopenDraft, skipDraft, undoDecision } from "./decisions";

const { t, writerId, alice, bob } = await reviewTestbed();

describe("reject", () => {
  it("records the reason, releases the claim and audits who did it", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await claimDraft(draft.id, alice);
    const result = await rejectDraft(draft.id, draft.version, { reason: "not_checkable", note: "Pure opinion." }, alice);

    expect(result).toEqual({ draftId: draft.id, state: "rejected", version: draft.version + 1 });
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "rejected", rejectReason: "not_checkable", decidedById: alice.id, claimedById: null });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: draft.id, action: "draft.reject" }, select: { actorId: true, after: true } });
    expect(event).toEqual({ actorId: alice.id, after: { state: "rejected", version: draft.version + 1, reason: "not_checkable", note: "Pure opinion." } });
  });

  it("only takes reasons from the list, and 'other' needs a note", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await expect(rejectDraft(draft.id, draft.version, { reason: "boring" as never }, alice)).rejects.toBeInstanceOf(ZodError);
    await expect(rejectDraft(draft.id, draft.version, { reason: "other" }, alice)).rejects.toBeInstanceOf(ZodError);
    expect((await draftRow(t.db, draft.id)).state).toBe("ready");
  });
});

describe("skip", () => {
  it("keeps the draft in the queue but sends it to the back and frees it", async () => {
    const draft = await seedDraft(t.db, { writerId, readyAt: new Date("2025-06-01T00:00:00Z") });
    await claimDraft(draft.id, alice);
    const result = await skipDraft(draft.id, draft.version, alice);

    const row = await draftRow(t.db, draft.id);
    expect(result).toMatchObject({ state: "ready", version: draft.version + 1 });
    expect(row.claimedById).toBeNull();
    expect(row.readyAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe("undo", () => {
  it("undoes a reject: back in the queue, held by the undoer, reason cleared", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const rejected = await rejectDraft(draft.id, draft.version, { reason: "inaccurate" }, alice);
    const undone = await undoDecision(draft.id, rejected.version, alice);

    expect(undone).toEqual({ draftId: draft.id, state: "ready", version: draft.version + 2 });
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "ready", rejectReason: null, decidedById: null, claimedById: alice.id });
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.reject", "draft.undoReject"]);
  });

  it("undoes a skip by putting the draft back where it was in the queue", async () => {
    const place = new Date("2025-05-05T05:05:05.005Z");
    const draft = await seedDraft(t.db, { writerId, readyAt: place });
    const skipped = await skipDraft(draft.id, draft.version, alice);
    await undoDecision(draft.id, skipped.version, alice);

    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "ready", readyAt: place, claimedById: alice.id });
  });

  it("undoes an approval before sending and sets the submission aside", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const { submission } = await approveDraft(draft.id, draft.version, alice);
    const undone = await undoDecision(draft.id, draft.version + 1, alice);

    expect(undone.state).toBe("ready");
    expect(await t.db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { state: true, lastError: true } })).toEqual({
      state: "failed",
      lastError: "The approval was withdrawn before the note was sent.",
    });
    expect(await auditActions(t.db, submission.id)).toEqual(["submission.create", "submission.withdraw"]);
  });

  it("refuses when something happened since, and when someone else made the decision", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const rejected = await rejectDraft(draft.id, draft.version, { reason: "inaccurate" }, alice);
    await expect(undoDecision(draft.id, rejected.version, bob)).rejects.toMatchObject({ code: "blocked" });

    await undoDecision(draft.id, rejected.version, alice);
    // The same undo again: the reject that made that version is no longer the draft's latest state.
    await expect(undoDecision(draft.id, rejected.version, alice)).rejects.toMatchObject({ code: "invalid_state" });
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "ready", version: draft.version + 2 });
  });

  it("says there is nothing to undo for a version no decision produced", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await expect(undoDecision(draft.id, draft.version, alice)).rejects.toMatchObject({ code: "invalid_state", message: expect.stringContaining("nothing to undo") });
  });
});

describe("reopen", () => {
  it("brings a failed or no-note draft back to the queue, held by the reviewer", async () => {
    for (const state of ["failed", "no_note"] as const) {
      const draft = await seedDraft(t.db, { writerId, state, readyAt: null });
      const result = await reopenDraft(draft.id, draft.version, alice);
      expect(result).toMatchObject({ state: "ready", version: draft.version + 1 });
      const row = await draftRow(t.db, draft.id);
      expect(row).toMatchObject({ claimedById: alice.id });
      expect(row.readyAt).not.toBeNull();
      expect(await auditActions(t.db, draft.id)).toEqual([state === "failed" ? "draft.reopenFailed" : "draft.reopenNoNote"]);
    }
  });

  it("refuses other states and stale versions", async () => {
    const submitted = await seedDraft(t.db, { writerId, state: "submitted" });
    await expect(reopenDraft(submitted.id, submitted.version, alice)).rejects.toMatchObject({ code: "invalid_state" });
    const failed = await seedDraft(t.db, { writerId, state: "failed" });
    await expect(reopenDraft(failed.id, failed.version + 1, alice)).rejects.toMatchObject({ code: "conflict" });
  });
});
