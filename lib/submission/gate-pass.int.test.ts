import { describe, expect, it } from "vitest";

import { liftEmergencyStop, setEmergencyStop } from "@/lib/controls/emergency-stop";
import { setClaimOpinionThreshold } from "@/lib/controls/thresholds";
import { gateIds } from "@/lib/gates/dto";
import { assertGatesPass, evaluateGates } from "@/lib/gates/evaluate";
import { overrideGate } from "@/lib/gates/overrides";
import { scriptedGateDeps } from "@/lib/gates/test-support";
import { getDraftDetail } from "@/lib/review/detail";
import { auditActions, fakeSender, reviewTestbed, seedDraft, seedUser, seedWriter } from "@/tests/support/fixtures/review";

import { approveDraft } from "./approve";
import { approveAndSubmit } from "./approve-and-submit";
import { sendSubmission } from "./send";

const { t, writerId, alice } = await reviewTestbed();

const created = (noteId: string) => ({ kind: "created" as const, noteId, raw: { data: { id: noteId } } });
const passColumns = (id: string) =>
  t.db.submission.findUniqueOrThrow({ where: { id }, select: { payloadHash: true, gatePassHash: true, gatePassScore: true, gatePassAt: true, gatePassResults: true } });

describe("the gate pass recorded with an approval", () => {
  it("names the exact payload, evaluate_note's score for its text, when, and every gate's reason; the send relies on it", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const checks = scriptedGateDeps({ score: 1.4 });
    const x = fakeSender(() => created("1800000000000000201"));
    const outcome = await approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates: checks.deps });

    expect(outcome).toMatchObject({ sent: true, submission: { state: "succeeded" } });
    const row = await passColumns(outcome.submission.id);
    expect(row).toMatchObject({ gatePassHash: row.payloadHash, gatePassScore: 1.4, gatePassAt: expect.any(Date) });
    expect((row.gatePassResults as { id: string }[]).map((g) => g.id)).toEqual(gateIds);
    // Judged once, before approving: the send took the links and the score from the pass.
    expect(checks.calls).toMatchObject({ evaluate: 1, links: ["https://example.org/archive/2019-flood"] });
    expect(outcome.submission.gatePass).toMatchObject({ payloadHash: row.payloadHash, matchesPayload: true, claimOpinionScore: 1.4 });
    expect(outcome.submission.gatePass?.gates.find((g) => g.id === "evaluator")).toEqual({
      id: "evaluator",
      label: "evaluate_note score",
      reason: "ClaimOpinion score 1.4 reaches the writer's default threshold of 0.",
      overriddenBy: null,
    });
    const claim = await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: outcome.submission.id, action: "submission.claimSend" }, select: { after: true } });
    // Claimed in the approval's own transaction, on the pass judged just before it.
    expect(claim.after).toMatchObject({ claimOpinionScore: 1.4, gatePass: "the approval's, in the same transaction" });
  });

  it("is shown with the submission in the draft's view and its audit trail", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const x = fakeSender(() => created("1800000000000000202"));
    await approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates: scriptedGateDeps({ score: 0.8 }).deps });

    const detail = await getDraftDetail(draft.id);
    expect(detail.submission?.gatePass).toMatchObject({ matchesPayload: true, claimOpinionScore: 0.8, at: expect.any(Date) });
    expect(detail.submission?.gatePass?.gates).toHaveLength(gateIds.length);
    expect(detail.audit.find((e) => e.action === "submission.create")?.after).toMatchObject({ claimOpinionScore: 0.8, gatePass: "recorded" });
  });

  it("is refused by the approval when it judged another payload, changing nothing", async () => {
    const first = await seedDraft(t.db, { writerId });
    const other = await seedDraft(t.db, { writerId });
    const passForOther = await assertGatesPass({ draftId: other.id }, scriptedGateDeps().deps);

    await expect(approveDraft(first.id, first.version, alice, passForOther)).rejects.toMatchObject({ code: "conflict" });
    expect(await t.db.submission.count({ where: { draftId: first.id } })).toBe(0);
    expect(await auditActions(t.db, first.id)).toEqual([]);
  });

  it("blocks the send when the recorded pass names another payload: never sent", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const pass = await assertGatesPass({ draftId: draft.id }, scriptedGateDeps().deps);
    const { submission } = await approveDraft(draft.id, draft.version, alice, pass);
    await t.db.$executeRaw`UPDATE submissions SET gate_pass_hash = ${"f".repeat(64)} WHERE id = ${submission.id}`;
    const x = fakeSender(() => created("never"));

    const outcome = await sendSubmission(submission.id, { sender: x.sender, gates: scriptedGateDeps().deps }, alice, pass);
    expect(x.calls).toHaveLength(0);
    expect(outcome).toMatchObject({ sent: false, submission: { state: "failed", gatePass: { matchesPayload: false } } });
    expect(outcome.submission.lastError).toContain("gate pass recorded with the approval is for a different payload");
  });

  it("without one (an approval made without checks), the send judges every gate and records the pass it relied on", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const { submission } = await approveDraft(draft.id, draft.version, alice);
    expect(submission.gatePass).toBeNull();
    const checks = scriptedGateDeps({ score: 2.5 });
    const x = fakeSender(() => created("1800000000000000203"));

    expect(await sendSubmission(submission.id, { sender: x.sender, gates: checks.deps }, alice)).toMatchObject({ sent: true, submission: { gatePass: { claimOpinionScore: 2.5 } } });
    expect(checks.calls.links).toHaveLength(1);
    const row = await passColumns(submission.id);
    expect(row).toMatchObject({ gatePassHash: row.payloadHash, gatePassScore: 2.5 });
  });
});

describe("what the send judges again although the approval's pass is for the same payload", () => {
  async function approvedWithPass(score = 1) {
    const draft = await seedDraft(t.db, { writerId });
    const checks = scriptedGateDeps({ score });
    const pass = await assertGatesPass({ draftId: draft.id }, checks.deps);
    const { submission } = await approveDraft(draft.id, draft.version, alice, pass);
    return { submission, pass, checks };
  }

  it("the emergency stop, set between the approval and the send", async () => {
    const admin = await seedUser(t.db, "Ada Admin", "admin");
    const { submission, pass, checks } = await approvedWithPass();
    const x = fakeSender(() => created("never"));
    await setEmergencyStop("Checking a batch of notes before anything else goes out.", admin);
    try {
      const outcome = await sendSubmission(submission.id, { sender: x.sender, gates: checks.deps }, alice, pass);
      expect(outcome).toMatchObject({ sent: false, submission: { state: "pending", attempts: 0 }, message: expect.stringContaining("Blocked: the emergency stop is on") });
    } finally {
      await liftEmergencyStop("Checked; the batch was fine to continue.", admin);
    }
    expect(x.calls).toHaveLength(0);
  });

  it("the writer's threshold, raised above the recorded score", async () => {
    const writer = await seedWriter(t.db);
    const admin = await seedUser(t.db, "Ada Admin", "admin");
    const draft = await seedDraft(t.db, { writerId: writer.id });
    const checks = scriptedGateDeps({ score: 0.5 });
    const pass = await assertGatesPass({ draftId: draft.id }, checks.deps);
    const { submission } = await approveDraft(draft.id, draft.version, alice, pass);
    await setClaimOpinionThreshold({ writerId: writer.id, minScore: 1 }, admin);
    const x = fakeSender(() => created("never"));

    const outcome = await sendSubmission(submission.id, { sender: x.sender, gates: checks.deps }, alice, pass);
    expect(outcome.message).toMatch(/Blocked: the evaluator score is below the writer's threshold \(ClaimOpinion score 0\.5 is below the writer's threshold of 1/);
    expect(x.calls).toHaveLength(0);
  });

  it("a note X already lists for this writer and post", async () => {
    const { submission, pass, checks } = await approvedWithPass();
    const row = await t.db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { postId: true } });
    await t.db.writtenNote.create({
      data: { id: `note-${submission.id}`, writerId, postId: row.postId, testMode: true, text: "x", classification: "not_misleading", misleadingTags: [], trustworthySources: true },
    });
    const x = fakeSender(() => created("never"));

    expect((await sendSubmission(submission.id, { sender: x.sender, gates: checks.deps }, alice, pass)).message).toContain("X already lists this writer's note");
    expect(x.calls).toHaveLength(0);
  });

  it("an override the pass relied on: judged in full, so the send marks it used", async () => {
    const admin = await seedUser(t.db, "Ada Admin", "admin");
    const draft = await seedDraft(t.db, { writerId });
    const dead = scriptedGateDeps({ deadLinks: { "https://example.org/archive/2019-flood": 403 } });
    const { payloadHash } = await evaluateGates({ draftId: draft.id }, dead.deps);
    await overrideGate({ draftId: draft.id, gate: "links", payloadHash: payloadHash ?? "", reason: "The site refuses robots; it loads in a browser." }, admin);
    const x = fakeSender(() => created("1800000000000000204"));

    const outcome = await approveAndSubmit(draft.id, draft.version, alice, { sender: x.sender, gates: dead.deps });
    expect(outcome).toMatchObject({ sent: true, submission: { state: "succeeded" } });
    expect(outcome.submission.gatePass?.gates.find((g) => g.id === "links")?.overriddenBy).toBe("Ada Admin");
    expect(await t.db.gateOverride.findFirstOrThrow({ where: { draftId: draft.id }, select: { usedForSubmissionId: true } })).toEqual({ usedForSubmissionId: outcome.submission.id });
    expect(dead.calls.links).toHaveLength(3);
  });
});
