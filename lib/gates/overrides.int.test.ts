import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approveDraft } from "@/lib/submission/approve";
import { auditActions, seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { assertGatesPass, evaluateGates } from "./evaluate";
import { overrideGate, markOverridesUsed } from "./overrides";
import { scriptedGateDeps } from "./test-support";

const t = await createTestDatabase();
afterAll(() => t.drop());

const text = "Figures from the board: https://data.portalder.org/data/housing-waiting-list";
const deadLink = { deadLinks: { "https://data.portalder.org/data/housing-waiting-list": 403 } };
let writerId: string;
let admin: { id: string; name: string };

beforeAll(async () => {
  writerId = (await seedWriter(t.db)).id;
  admin = await seedUser(t.db, "Ada Admin", "admin");
});

async function blockedDraft() {
  const draft = await seedDraft(t.db, { writerId, note: validNote({ text }) });
  const checklist = await evaluateGates({ draftId: draft.id }, scriptedGateDeps(deadLink).deps);
  expect(checklist.blockedBy).toEqual(["Every link answers 200"]);
  return { draft, payloadHash: checklist.payloadHash ?? "" };
}

const reason = "The site blocks robots with 403; I opened it in a browser and it loads.";

describe("gate overrides", () => {
  it("need a written reason", async () => {
    const { draft, payloadHash } = await blockedDraft();
    await expect(overrideGate({ draftId: draft.id, gate: "links", payloadHash, reason: "ok" }, admin)).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringContaining("in a sentence") })],
    });
  });

  it("cover only the gates a person can judge", async () => {
    const { draft, payloadHash } = await blockedDraft();
    await expect(overrideGate({ draftId: draft.id, gate: "length" as "links", payloadHash, reason }, admin)).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "Only the links and evaluate_note gates can be overridden." })],
    });
  });

  it("make the gate pass for that exact payload, with who and why, and are audited", async () => {
    const { draft, payloadHash } = await blockedDraft();
    await overrideGate({ draftId: draft.id, gate: "links", payloadHash, reason }, admin);
    const checklist = await evaluateGates({ draftId: draft.id }, scriptedGateDeps(deadLink).deps);
    expect(checklist.passed).toBe(true);
    expect(checklist.gates.find((g) => g.id === "links")).toMatchObject({
      pass: true,
      override: { by: "Ada Admin", reason },
      reason: expect.stringMatching(/Overridden by Ada Admin: “The site blocks robots/),
    });
    expect(await auditActions(t.db, draft.id)).toEqual(["gate.override"]);
  });

  it("are refused when the note changed since the checks were made", async () => {
    const { draft } = await blockedDraft();
    await expect(overrideGate({ draftId: draft.id, gate: "links", payloadHash: "0".repeat(64), reason }, admin)).rejects.toMatchObject({ code: "conflict" });
  });

  it("stop applying after any edit: the payload hash changes", async () => {
    const { draft, payloadHash } = await blockedDraft();
    await overrideGate({ draftId: draft.id, gate: "links", payloadHash, reason }, admin);
    const edited = await t.db.revision.create({ data: { draftId: draft.id, number: 2, authorKind: "human", ...validNote({ text: `${text} Updated figures.` }) } });
    await t.db.draft.update({ where: { id: draft.id }, data: { currentRevisionId: edited.id } });
    const checklist = await evaluateGates({ draftId: draft.id }, scriptedGateDeps({ deadLinks: { "https://data.portalder.org/data/housing-waiting-list": 403 } }).deps);
    expect(checklist.gates.find((g) => g.id === "links")).toMatchObject({ pass: false, override: null });
  });

  it("are used once, by the submission that sent the payload; its own re-send is still covered", async () => {
    const { draft, payloadHash } = await blockedDraft();
    await overrideGate({ draftId: draft.id, gate: "links", payloadHash, reason }, admin);
    const { submission } = await approveDraft(draft.id, draft.version, admin);

    const pass = await assertGatesPass({ submissionId: submission.id }, scriptedGateDeps(deadLink).deps);
    expect(pass.overrides).toEqual([expect.objectContaining({ by: "Ada Admin", reason })]);
    expect(await t.db.gateOverride.findFirstOrThrow({ where: { draftId: draft.id } })).toMatchObject({ usedForSubmissionId: submission.id, usedAt: expect.any(Date) });
    expect(await auditActions(t.db, draft.id)).toContain("gate.override_used");

    // Reconciliation re-sends the same frozen request: still covered.
    await expect(assertGatesPass({ submissionId: submission.id }, scriptedGateDeps(deadLink).deps)).resolves.toMatchObject({ overrides: [expect.anything()] });

    // Any other submission cannot take it.
    const other = await seedDraft(t.db, { writerId, note: validNote({ text: `${text} Other.` }) });
    const { submission: otherSubmission } = await approveDraft(other.id, other.version, admin);
    await expect(markOverridesUsed(pass.overrides, otherSubmission.id, other.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("cannot be stacked: one open override per gate and payload", async () => {
    const { draft, payloadHash } = await blockedDraft();
    await overrideGate({ draftId: draft.id, gate: "links", payloadHash, reason }, admin);
    await expect(overrideGate({ draftId: draft.id, gate: "links", payloadHash, reason }, admin)).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("cover a failed evaluator call too, never silently", async () => {
    const draft = await seedDraft(t.db, { writerId, note: validNote({ text }) });
    const failing = scriptedGateDeps({
      score: () => {
        throw new Error("evaluator unreachable");
      },
    }).deps;
    const before = await evaluateGates({ draftId: draft.id }, failing);
    expect(before.blockedBy).toEqual(["evaluate_note score"]);
    await overrideGate({ draftId: draft.id, gate: "evaluator", payloadHash: before.payloadHash ?? "", reason: "X's evaluator is down for hours; this note was reviewed by two people." }, admin);
    const after = await evaluateGates({ draftId: draft.id }, failing);
    expect(after.passed).toBe(true);
    expect(after.gates.find((g) => g.id === "evaluator")?.reason).toMatch(/^evaluate_note gave no score, so this can't pass: .* Overridden by Ada Admin/);
  });
});
