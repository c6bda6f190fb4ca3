import { describe, expect, it } from "vitest";

import { claimDraft } from "@/lib/review/claims";
import { reopenDraft } from "@/lib/review/decisions";
import { saveRevision } from "@/lib/review/revisions";
import { auditActions, draftRow, fakeSender, reviewTestbed, seedDraft, seedUser, seedWriter, validNote, xError } from "@/tests/support/fixtures/review";

import { approveDraft } from "./approve";
import { approveAndSubmit } from "./approve-and-submit";
import { DAILY_CREATE_LIMIT } from "./budget";
import { reconcileSubmission, recoverStuckSubmissions } from "./reconcile";
import { noteRequestOf, readDraftNote } from "./prepare";
import { claimFrozenSend, sendSubmission } from "./send";
import { inSqlTransaction, sql } from "@/lib/db";
import type { GateDeps, GatePass } from "@/lib/gates/evaluate";
import { scriptedGateDeps } from "@/lib/gates/test-support";
import { seedSubmittedNote } from "@/lib/notes/test-support";

// Every gate passes unless a test says otherwise: these tests are about the send state machine.
const gates = scriptedGateDeps().deps;

const { t, writerId, alice } = await reviewTestbed();

const created = (noteId: string) => ({ kind: "created" as const, noteId, raw: { data: { id: noteId } } });

async function approved(writer = writerId) {
  const draft = await seedDraft(t.db, { writerId: writer });
  const { submission } = await approveDraft(draft.id, draft.version, alice);
  return { draft, submission };
}

const submissionRow = (id: string) =>
  t.db.submission.findUniqueOrThrow({ where: { id }, select: { state: true, attempts: true, xNoteId: true, lastError: true, idempotencyKey: true } });

describe("sendSubmission", () => {
  it("sends once and records the created note on the submission and the draft", async () => {
    const { draft, submission } = await approved();
    const x = fakeSender(() => created("1800000000000000001"));
    const outcome = await sendSubmission(submission.id, { sender: x.sender, gates }, alice);

    expect(outcome).toMatchObject({
      sent: true,
      submission: { state: "succeeded", xNoteId: "1800000000000000001", attempts: 1 },
      draft: { state: "submitted" },
      message: "Submitted to X in test mode as note 1800000000000000001.",
    });
    expect(x.calls).toEqual([expect.objectContaining({ postId: draft.postId, testMode: true, text: validNote().text })]);
    expect(await auditActions(t.db, submission.id)).toEqual(["submission.create", "submission.claimSend", "submission.created"]);
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.approve", "draft.startSending", "draft.confirmSubmitted"]);
  });

  it("ten concurrent sends make exactly one call to X", async () => {
    const { submission } = await approved();
    const x = fakeSender(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return created("1800000000000000002");
    });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => sendSubmission(submission.id, { sender: x.sender, gates }, alice)));

    expect(x.calls).toHaveLength(1);
    expect(outcomes.filter((o) => o.sent)).toHaveLength(1);
    expect(await submissionRow(submission.id)).toMatchObject({ state: "succeeded", attempts: 1 });
  });

  it("a double click on approve-and-submit makes one submission and one call", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const x = fakeSender(() => created("1800000000000000003"));
    const outcomes = await Promise.all([1, 2, 3].map(() => approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates })));

    expect(x.calls).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.submission.id)).size).toBe(1);
    expect((await draftRow(t.db, draft.id)).state).toBe("submitted");
  });

  it("unknown outcome → needs_reconcile → reconcile finds the note → succeeded, with no second call", async () => {
    const { draft, submission } = await approved();
    const x = fakeSender(() => ({ kind: "unknown", error: xError("timeout") }));
    const lost = await sendSubmission(submission.id, { sender: x.sender, gates }, alice);
    expect(lost).toMatchObject({ submission: { state: "needs_reconcile" }, draft: { state: "needs_reconcile" } });
    expect(lost.message).toContain("unknown whether X created the note");

    x.notes.set(draft.postId, "1800000000000000004"); // the request had landed after all
    const settled = await reconcileSubmission(submission.id, { sender: x.sender, gates }, alice);

    expect(settled).toMatchObject({ submission: { state: "succeeded", xNoteId: "1800000000000000004", attempts: 1 }, draft: { state: "submitted" } });
    expect(x.calls).toHaveLength(1);
    expect(x.lookups).toEqual([draft.postId]);
    expect(await auditActions(t.db, submission.id)).toEqual(["submission.create", "submission.claimSend", "submission.lostTrack", "submission.foundOnX"]);
  });

  it("unknown outcome and no note on X → reconcile sends exactly once more", async () => {
    const { submission } = await approved();
    const x = fakeSender((_, call) => (call === 1 ? { kind: "unknown", error: xError("server_error") } : created("1800000000000000005")));
    await sendSubmission(submission.id, { sender: x.sender, gates }, alice);
    const settled = await reconcileSubmission(submission.id, { sender: x.sender, gates }, alice);

    expect(settled).toMatchObject({ sent: true, submission: { state: "succeeded", xNoteId: "1800000000000000005", attempts: 2 } });
    expect(x.calls).toHaveLength(2);
    await expect(reconcileSubmission(submission.id, { sender: x.sender, gates }, alice)).rejects.toMatchObject({ code: "invalid_state" });
    expect(x.calls).toHaveLength(2);
  });

  it("a thrown client error counts as unknown, never as not sent", async () => {
    const { submission } = await approved();
    const x = fakeSender(() => {
      throw new TypeError("socket hang up");
    });
    expect(await sendSubmission(submission.id, { sender: x.sender, gates }, alice)).toMatchObject({ submission: { state: "needs_reconcile" } });
  });

  it("a duplicate answer is reconciled to the existing note", async () => {
    const { draft, submission } = await approved();
    const x = fakeSender(() => ({ kind: "duplicate", error: xError("duplicate_note", "User already created a note for this post.") }));
    x.notes.set(draft.postId, "1800000000000000006");
    const outcome = await sendSubmission(submission.id, { sender: x.sender, gates }, alice);

    expect(outcome).toMatchObject({ submission: { state: "succeeded", xNoteId: "1800000000000000006" }, draft: { state: "submitted" } });
    expect(x.calls).toHaveLength(1);
  });

  it("a duplicate answer whose note isn't listed yet waits for reconciliation", async () => {
    const { submission } = await approved();
    const x = fakeSender(() => ({ kind: "duplicate", error: xError("duplicate_note") }));
    expect(await sendSubmission(submission.id, { sender: x.sender, gates }, alice)).toMatchObject({ submission: { state: "needs_reconcile" } });
  });

  it("a definite rejection fails with a plain explanation; after an edit the draft can be approved and sent again", async () => {
    const { draft, submission } = await approved();
    const x = fakeSender((_, call) =>
      call === 1 ? { kind: "rejected", error: xError("validation", "[info.text] must contain at least one http(s) URL") } : created("1800000000000000007"),
    );
    const refused = await sendSubmission(submission.id, { sender: x.sender, gates }, alice);
    expect(refused).toMatchObject({ submission: { state: "failed" }, draft: { state: "failed" } });
    expect(refused.submission.lastError).toContain("X refused the note: X rejected the request as invalid");
    expect(refused.submission.lastError).toContain("must contain at least one http(s) URL");

    const reopened = await reopenDraft(draft.id, refused.draft.version, alice);
    const current = await draftRow(t.db, draft.id);
    const edit = validNote({ text: "Reworded after X's refusal. https://example.org/better" });
    const saved = await saveRevision(draft.id, { baseRevisionId: current.currentRevisionId, expectedVersion: reopened.version, note: edit }, alice);
    if (saved.kind !== "saved") throw new Error("the edit should save");
    const resent = await approveAndSubmit(draft.id, saved.version, alice, { sender: x.sender, gates });

    expect(resent).toMatchObject({ submission: { id: submission.id, state: "succeeded", xNoteId: "1800000000000000007", attempts: 2, lastError: null } });
    expect(x.calls[1]).toMatchObject({ text: edit.text });
    expect((await submissionRow(submission.id)).idempotencyKey).toBe(`draft:${draft.id}:v${saved.version}`);
    expect(await auditActions(t.db, submission.id)).toContain("submission.reapprove");
  });

  it("a rate-limited call created nothing: the note waits, approved, to be sent again", async () => {
    const { draft, submission } = await approved();
    const x = fakeSender((_, call) => (call === 1 ? { kind: "rejected", error: xError("rate_limited") } : created("1800000000000000011")));
    const deferred = await sendSubmission(submission.id, { sender: x.sender, gates }, alice);

    expect(deferred).toMatchObject({ sent: true, submission: { state: "pending", attempts: 1 }, draft: { state: "approved" } });
    expect(deferred.message).toMatch(/^Approved, not sent yet\. The writer's X rate limit is used up/);
    expect(await approveAndSubmit(draft.id, deferred.draft.version, alice, { sender: x.sender, gates })).toMatchObject({
      submission: { state: "succeeded", attempts: 2, lastError: null },
    });
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.approve", "draft.startSending", "draft.deferSending", "draft.startSending", "draft.confirmSubmitted"]);
  });

  it("a failing gate on the server keeps the note approved and unsent, whatever the browser showed", async () => {
    const { draft, submission } = await approved();
    const x = fakeSender(() => created("1800000000000000099"));
    const lowScore = scriptedGateDeps({ score: -3 }).deps;

    const outcome = await sendSubmission(submission.id, { sender: x.sender, gates: lowScore }, alice);
    expect(outcome).toMatchObject({ sent: false, submission: { state: "pending", attempts: 0 }, message: expect.stringMatching(/Blocked: the evaluator score is below/) });
    expect(x.calls).toHaveLength(0);
    expect(await approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates: lowScore })).toMatchObject({ sent: false });

    const fresh = await seedDraft(t.db, { writerId });
    await expect(approveAndSubmit(fresh.id, fresh.version, alice, { sender: x.sender, gates: lowScore })).rejects.toMatchObject({ code: "blocked" });
    expect(await draftRow(t.db, fresh.id)).toMatchObject({ state: "ready", version: fresh.version });
    expect(x.calls).toHaveLength(0);
  });

  it("blocks a request altered after approval and never sends it", async () => {
    const { draft, submission } = await approved();
    await t.db.$executeRaw`UPDATE submissions SET request_body = jsonb_set(request_body, '{info,text}', '"Tampered. https://evil.example"') WHERE id = ${submission.id}`;
    const x = fakeSender(() => created("never"));
    const outcome = await sendSubmission(submission.id, { sender: x.sender, gates }, alice);

    expect(x.calls).toHaveLength(0);
    expect(outcome).toMatchObject({ sent: false, submission: { state: "failed", attempts: 0 }, draft: { state: "failed" } });
    expect(outcome.submission.lastError).toContain("payload hash mismatch");
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.approve", "draft.blockSending"]);
  });

  it("blocks a request whose writer switched to production after approval", async () => {
    const writer = await seedWriter(t.db);
    const { submission } = await approved(writer.id);
    await t.db.writer.update({ where: { id: writer.id }, data: { testMode: false } });
    const x = fakeSender(() => created("never"));
    expect(await sendSubmission(submission.id, { sender: x.sender, gates }, alice)).toMatchObject({ submission: { state: "failed" } });
    expect(x.calls).toHaveLength(0);
  });

  it("refuses a new production approval once X's estimated writing limit is used up, changing nothing", async () => {
    const writer = await seedWriter(t.db, false);
    // A writer without rated notes gets the estimate's starting limit of 10 a day (lib/notes).
    for (let i = 0; i < 10; i++) await seedSubmittedNote(t.db, { writerId: writer.id, testMode: false, approverId: alice.id, aiText: `Earlier note ${i} https://a.org/${i}` });
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: false });
    const x = fakeSender(() => created("never"));
    await expect(approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates })).rejects.toMatchObject({
      code: "blocked",
      message: expect.stringMatching(/^Not sent\. Blocked: the writer's daily writing limit is reached \(10 production notes approved in the last 24 hours/),
    });
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "ready", version: draft.version });
    expect(await t.db.submission.count({ where: { draftId: draft.id } })).toBe(0);
    expect(x.calls).toHaveLength(0);
  });
});

describe("daily create budget", () => {
  it("stops at 250 calls in 24 hours, before approving anything", async () => {
    const writer = await seedWriter(t.db);
    const spent = await approved(writer.id);
    await t.db.submission.update({ where: { id: spent.submission.id }, data: { attempts: DAILY_CREATE_LIMIT, state: "succeeded", updatedAt: new Date() } });
    const draft = await seedDraft(t.db, { writerId: writer.id });
    const x = fakeSender(() => created("never"));

    await expect(approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates })).rejects.toMatchObject({
      code: "limit_reached",
      message: expect.stringContaining("250 new notes per writer in 24 hours"),
    });
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "ready", version: draft.version });
    expect(x.calls).toHaveLength(0);
  });

  it("keeps an approved note pending when the budget runs out after approval, and sends it on the next click", async () => {
    const writer = await seedWriter(t.db);
    const { draft, submission } = await approved(writer.id);
    const filler = await approved(writer.id);
    await t.db.submission.update({ where: { id: filler.submission.id }, data: { attempts: DAILY_CREATE_LIMIT } });
    const x = fakeSender(() => created("1800000000000000010"));

    // The create-budget gate sees the spent budget before the send is claimed: nothing goes out.
    expect(await sendSubmission(submission.id, { sender: x.sender, gates }, alice)).toMatchObject({
      sent: false,
      submission: { state: "pending", attempts: 0 },
      message: expect.stringMatching(/^Approved, not sent\. Blocked: the day's POST \/2\/notes budget is used up \(.*250/),
    });
    const waiting = await approveAndSubmit(draft.id, draft.version + 1, alice, { sender: x.sender, gates });
    expect(waiting).toMatchObject({ sent: false, submission: { state: "pending", attempts: 0 }, message: expect.stringMatching(/^Approved, not sent\. Blocked: the day's POST \/2\/notes budget is used up \(.*250/) });
    expect(x.calls).toHaveLength(0);

    await t.db.submission.update({ where: { id: filler.submission.id }, data: { attempts: 0 } });
    expect(await approveAndSubmit(draft.id, draft.version + 1, alice, { sender: x.sender, gates })).toMatchObject({ sent: true, submission: { id: submission.id, state: "succeeded" } });
  });

  it("a click whose checks passed, but whose writer spent the day's last create before its claim, leaves the note approved, not sent", async () => {
    const writer = await seedWriter(t.db);
    const filler = await approved(writer.id);
    const draft = await seedDraft(t.db, { writerId: writer.id });
    const x = fakeSender(() => created("1800000000000000011"));
    // Another send takes the last slot while this click's checks wait for evaluate_note: after the
    // checks counted the budget, before the approval's transaction claims the send under its lock.
    const racing: GateDeps = {
      ...gates,
      evaluator: () => async () => {
        await t.db.submission.update({ where: { id: filler.submission.id }, data: { attempts: DAILY_CREATE_LIMIT, updatedAt: new Date() } });
        return { claimOpinionScore: 2, raw: {} };
      },
    };

    const outcome = await approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates: racing });
    expect(outcome).toMatchObject({ sent: false, submission: { state: "pending", attempts: 0 }, draft: { state: "approved" } });
    expect(outcome.message).toMatch(/^Approved, not sent: X accepts 250 new notes per writer in 24 hours/);
    expect(x.calls).toHaveLength(0);
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.approve"]);

    await t.db.submission.update({ where: { id: filler.submission.id }, data: { attempts: 0 } });
    expect(await approveAndSubmit(draft.id, outcome.draft.version, alice, { sender: x.sender, gates })).toMatchObject({ sent: true, submission: { state: "succeeded", attempts: 1 } });
    expect(x.calls).toHaveLength(1);
  });

  it("a click writes the approval and the claim of its send together, then X's answer: one audit trail in order", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const x = fakeSender(() => created("1800000000000000012"));
    const outcome = await approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates });

    expect(outcome).toMatchObject({ sent: true, submission: { state: "succeeded", attempts: 1 }, draft: { state: "submitted", version: draft.version + 3 } });
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.approve", "draft.startSending", "draft.confirmSubmitted"]);
    expect(await auditActions(t.db, outcome.submission.id)).toEqual(["submission.create", "submission.claimSend", "submission.created"]);
    // Rows written by one transaction carry its id (xmin): the approval's and the claim's are the same one.
    const rows = await t.db.$queryRaw<{ action: string; xact: string }[]>`
      SELECT action, xmin::text AS xact FROM audit_events WHERE subject_id IN (${draft.id}, ${outcome.submission.id})`;
    const byAction = new Map(rows.map((r) => [r.action, r.xact]));
    expect(byAction.get("draft.approve")).toBe(byAction.get("submission.claimSend"));
    expect(byAction.get("submission.claimSend")).not.toBe(byAction.get("submission.created"));
  });

  it("a click whose writer left test mode during its checks approves nothing and sends nothing", async () => {
    const writer = await seedWriter(t.db, true);
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: true });
    const x = fakeSender(() => created("1800000000000000013"));
    const switching: GateDeps = {
      ...gates,
      evaluator: () => async () => {
        await t.db.writer.update({ where: { id: writer.id }, data: { testMode: false } });
        return { claimOpinionScore: 2, raw: {} };
      },
    };

    await expect(approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates: switching })).rejects.toMatchObject({
      code: "blocked",
      message: expect.stringContaining("no longer in test mode"),
    });
    expect(x.calls).toHaveLength(0);
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: "ready", version: draft.version });
    expect(await t.db.submission.count({ where: { draftId: draft.id } })).toBe(0);
    expect(await auditActions(t.db, draft.id)).toEqual([]);
  });

  it("the click's claim takes only the row its own transaction froze, with exactly the body judged", async () => {
    // Approved earlier (say, when the day's budget was spent): pending, same payload, not this transaction's.
    const earlier = await approved();
    const request = noteRequestOf(await readDraftNote(sql(), earlier.draft.id));
    const pass: GatePass = { payloadHash: request.payloadHash, mode: "test", claimOpinionScore: 2, overrides: [], gates: [], checkedAt: new Date(), reusedFromApproval: false };
    const claimIn = (tamper: boolean) =>
      inSqlTransaction(async (tx) => {
        if (tamper) await tx.$executeRaw`UPDATE submissions SET request_body = '{}'::jsonb WHERE id = ${earlier.submission.id}`;
        return claimFrozenSend(tx, { submissionId: earlier.submission.id, draftId: earlier.draft.id, request }, pass, alice.id);
      });

    expect(await claimIn(false)).toBe(false);
    // Written by this transaction now, but no longer the body that was judged.
    expect(await claimIn(true)).toBe(false);
    expect(await submissionRow(earlier.submission.id)).toMatchObject({ state: "pending", attempts: 0 });
    expect((await draftRow(t.db, earlier.draft.id)).state).toBe("approved");
  });

  it("counts only the last 24 hours", async () => {
    const writer = await seedWriter(t.db);
    const old = await approved(writer.id);
    await t.db.$executeRaw`UPDATE submissions SET attempts = ${DAILY_CREATE_LIMIT}, updated_at = (now() AT TIME ZONE 'utc') - interval '25 hours' WHERE id = ${old.submission.id}`;
    const { submission } = await approved(writer.id);
    const x = fakeSender(() => created("1800000000000000008"));
    expect(await sendSubmission(submission.id, { sender: x.sender, gates }, alice)).toMatchObject({ submission: { state: "succeeded" } });
  });
});

describe("recoverStuckSubmissions", () => {
  it("moves a send that outlived any call to needs_reconcile, never back to pending", async () => {
    const { draft, submission } = await approved();
    await t.db.$executeRaw`UPDATE drafts SET state = 'submitting' WHERE id = ${draft.id}`;
    await t.db.$executeRaw`UPDATE submissions SET state = 'sending', attempts = 1, updated_at = (now() AT TIME ZONE 'utc') - interval '1 hour' WHERE id = ${submission.id}`;
    const fresh = await approved();
    await t.db.$executeRaw`UPDATE drafts SET state = 'submitting' WHERE id = ${fresh.draft.id}`;
    await t.db.$executeRaw`UPDATE submissions SET state = 'sending', attempts = 1 WHERE id = ${fresh.submission.id}`;

    expect(await recoverStuckSubmissions()).toEqual([submission.id]);
    expect(await submissionRow(submission.id)).toMatchObject({ state: "needs_reconcile", lastError: expect.stringContaining("stopped while sending") });
    expect((await draftRow(t.db, draft.id)).state).toBe("needs_reconcile");
    expect((await submissionRow(fresh.submission.id)).state).toBe("sending");
  });

  it("a late answer to an attempt already given up on changes nothing; reconciliation settles it", async () => {
    const { draft, submission } = await approved();
    let answer: (outcome: ReturnType<typeof created>) => void = () => {};
    const x = fakeSender(() => new Promise((resolve) => (answer = resolve)));
    const sending = sendSubmission(submission.id, { sender: x.sender, gates }, alice);
    await expect.poll(() => x.calls.length).toBe(1);

    expect(await recoverStuckSubmissions(0)).toContain(submission.id);
    answer(created("1800000000000000009"));
    expect(await sending).toMatchObject({ submission: { state: "needs_reconcile" } });

    const settled = await reconcileSubmission(submission.id, { sender: x.sender, gates }, alice);
    expect(settled).toMatchObject({ submission: { state: "succeeded", xNoteId: "1800000000000000009" } });
    expect(x.calls).toHaveLength(1);
    expect((await draftRow(t.db, draft.id)).state).toBe("submitted");
  });
});

describe("reconcileSubmission", () => {
  it("changes nothing when X can't be asked", async () => {
    const { submission } = await approved();
    const x = fakeSender(() => ({ kind: "unknown", error: xError("network") }));
    await sendSubmission(submission.id, { sender: x.sender, gates }, alice);
    const down = { ...x.sender, findWrittenNoteForPost: () => Promise.reject(xError("server_error")) };

    await expect(reconcileSubmission(submission.id, { sender: down, gates }, alice)).rejects.toMatchObject({ code: "unavailable" });
    expect((await submissionRow(submission.id)).state).toBe("needs_reconcile");
    expect(x.calls).toHaveLength(1);
  });
});

describe("claims and approval", () => {
  it("an approver can approve a draft they hold; someone else's live claim blocks it", async () => {
    const bob = await seedUser(t.db, "Bob");
    const draft = await seedDraft(t.db, { writerId });
    await claimDraft(draft.id, bob);
    await expect(approveDraft(draft.id, draft.version, alice)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("claimed by Bob") });
    await expect(approveDraft(draft.id, draft.version, bob)).resolves.toMatchObject({ alreadyApproved: false });
  });
});
