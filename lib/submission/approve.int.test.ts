import { describe, expect, it } from "vitest";

import { auditActions, draftRow, reviewTestbed, seedDraft, seedWriter, validNote } from "@/tests/support/fixtures/review";

import { inSqlTransaction, Prisma, sql, type SqlRunner } from "@/lib/db";

import { approveDraft, approveIn, idempotencyKey } from "./approve";
import { payloadHash } from "./note-request";
import { noteRequestOf, readDraftNote } from "./prepare";
import { previewSubmission } from "./preview";

const { t, writerId, alice, bob } = await reviewTestbed();

describe("approveDraft", () => {
  it("moves the draft to approved and freezes exactly the previewed request as a pending submission", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const preview = await previewSubmission(draft.id);
    const { submission, alreadyApproved } = await approveDraft(draft.id, draft.version, alice);

    expect(alreadyApproved).toBe(false);
    expect(preview).toMatchObject({ mode: "test", warnings: [] });
    expect(submission).toMatchObject({ draftId: draft.id, state: "pending", mode: "test", attempts: 0, approvedBy: { id: alice.id }, requestBody: preview.body });
    const row = await t.db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { idempotencyKey: true, payloadHash: true, postId: true, writerId: true } });
    expect(row).toEqual({
      idempotencyKey: idempotencyKey(draft.id, draft.version),
      payloadHash: preview.payloadHash,
      postId: draft.postId,
      writerId,
    });
    expect(preview.payloadHash).toBe(payloadHash(writerId, preview.body as Parameters<typeof payloadHash>[1]));
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "approved", version: draft.version + 1, decidedById: alice.id });
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.approve"]);
    expect(await auditActions(t.db, submission.id)).toEqual(["submission.create"]);
  });

  it("a double click returns the first approval instead of an error", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const first = await approveDraft(draft.id, draft.version, alice);
    const second = await approveDraft(draft.id, draft.version, alice);
    // Clicking on the approved draft as now shown (the next version) also returns it.
    const third = await approveDraft(draft.id, draft.version + 1, alice);

    expect(second).toEqual({ submission: first.submission, alreadyApproved: true });
    expect(third).toEqual({ submission: first.submission, alreadyApproved: true });
    expect(await t.db.submission.count({ where: { draftId: draft.id } })).toBe(1);
  });

  it("two approvers at once make one submission", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const results = await Promise.all([alice, bob, alice, bob, alice].map((who) => approveDraft(draft.id, draft.version, who)));

    expect(new Set(results.map((r) => r.submission.id)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyApproved)).toHaveLength(1);
    expect(await t.db.submission.count({ where: { draftId: draft.id } })).toBe(1);
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.approve"]);
  });

  it("refuses a stale version and changes nothing", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await expect(approveDraft(draft.id, draft.version + 3, alice)).rejects.toMatchObject({ code: "conflict" });
    expect(await t.db.submission.count({ where: { draftId: draft.id } })).toBe(0);
    expect((await draftRow(t.db, draft.id)).state).toBe("ready");
  });

  it("refuses a note X would reject, and a draft without text, leaving the draft in the queue", async () => {
    const noUrl = await seedDraft(t.db, { writerId, note: validNote({ text: "Just an opinion, no link." }) });
    await expect(approveDraft(noUrl.id, noUrl.version, alice)).rejects.toMatchObject({ code: "blocked", message: expect.stringContaining("link") });
    expect(await draftRow(t.db, noUrl.id)).toMatchObject({ state: "ready", version: noUrl.version });

    const empty = await seedDraft(t.db, { writerId, note: null });
    await expect(approveDraft(empty.id, empty.version, alice)).rejects.toMatchObject({ code: "blocked" });
    expect(await t.db.auditEvent.count({ where: { subjectId: { in: [noUrl.id, empty.id] } } })).toBe(0);
  });

  it("freezes nothing when the writer changed mode after the note was read, leaving the draft in the queue", async () => {
    const writer = await seedWriter(t.db, true);
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: true });
    const request = noteRequestOf(await readDraftNote(sql(), draft.id));
    await t.db.writer.update({ where: { id: writer.id }, data: { testMode: false } });

    const approving = inSqlTransaction((tx) => approveIn(tx, { draftId: draft.id, expectedVersion: draft.version, actor: alice, request }));
    await expect(approving).rejects.toMatchObject({ code: "blocked", message: expect.stringContaining("no longer in test mode") });
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "ready", version: draft.version });
    expect(await t.db.submission.count({ where: { draftId: draft.id } })).toBe(0);
    expect(await auditActions(t.db, draft.id)).toEqual([]);
  });

  it("locks the draft before its submission: the freeze, in the approval's statement, waits on the draft's move", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const request = noteRequestOf(await readDraftNote(sql(), draft.id));
    let statement: Prisma.Sql | undefined;
    const capture: SqlRunner = {
      $queryRaw: async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
        statement = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
        throw new Error("captured");
      },
      $executeRaw: async () => 0,
    };
    await expect(approveIn(capture, { draftId: draft.id, expectedVersion: draft.version, actor: alice, request })).rejects.toThrow("captured");
    const plan = (await sql().$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (COSTS OFF) ${statement!}`)).map((row) => row["QUERY PLAN"]).join("\n");
    // Both the reused row's UPDATE and the new row's INSERT sit under one-time filters fed by `moved`.
    expect(plan).toMatch(/Update on submissions[\s\S]*InitPlan[\s\S]*CTE Scan on moved[\s\S]*One-Time Filter/);
    expect(plan).toMatch(/Insert on submissions[\s\S]*One-Time Filter/);
  });

  it("never sends a test-feed draft in production", async () => {
    const writer = await seedWriter(t.db, false);
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: true });
    await expect(previewSubmission(draft.id)).rejects.toMatchObject({ code: "blocked", message: expect.stringContaining("production") });
    await expect(approveDraft(draft.id, draft.version, alice)).rejects.toMatchObject({ code: "blocked" });
  });

  it("previews production mode for a production writer", async () => {
    const writer = await seedWriter(t.db, false);
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: false });
    expect(await previewSubmission(draft.id)).toMatchObject({ mode: "production", body: { test_mode: false, post_id: draft.postId } });
  });
});
