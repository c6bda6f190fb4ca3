import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SubmissionState, type DraftState } from "@/lib/db";
import { draftTransitions } from "@/lib/review/transitions";
import { auditActions, draftRow, seedDraft, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { advanceSubmission } from "./advance";
import { approveDraft } from "./approve";
import { submissionTransitions, type SubmissionStep } from "./transitions";

const t = await createTestDatabase();
afterAll(() => t.drop());

let writerId: string;
let approver: { id: string; name: string };
beforeAll(async () => {
  writerId = (await seedWriter(t.db)).id;
  approver = await seedUser(t.db, "Approver");
});

/** The draft state that goes with each submission state: the two always move together. */
const draftStateFor: Record<SubmissionState, DraftState> = {
  pending: "approved",
  sending: "submitting",
  succeeded: "submitted",
  failed: "failed",
  needs_reconcile: "needs_reconcile",
};

async function submissionIn(state: SubmissionState) {
  const draft = await seedDraft(t.db, { writerId });
  const { submission } = await approveDraft(draft.id, draft.version, approver);
  await t.db.$executeRaw`UPDATE drafts SET state = ${draftStateFor[state]}::"DraftState" WHERE id = ${draft.id}`;
  await t.db.$executeRaw`UPDATE submissions SET state = ${state}::"SubmissionState" WHERE id = ${submission.id}`;
  return { draftId: draft.id, submissionId: submission.id };
}

const steps = Object.keys(submissionTransitions) as SubmissionStep[];
const pairs = steps.flatMap((step) => Object.values(SubmissionState).map((from) => ({ step, from, legal: submissionTransitions[step].from === from })));

describe("submission transitions", () => {
  it("pair every submission move with the draft move that mirrors it", () => {
    for (const step of steps) {
      const { from, to, draft } = submissionTransitions[step];
      expect(draftTransitions[draft]).toMatchObject({ from: draftStateFor[from], to: draftStateFor[to] });
    }
  });

  it.each(pairs.filter((p) => p.legal))("$step from $from moves the submission and its draft together", async ({ step, from }) => {
    const { draftId, submissionId } = await submissionIn(from);
    expect(await advanceSubmission({ step, submissionId, draftId, actorId: approver.id })).toBe(true);

    const { to, draft } = submissionTransitions[step];
    expect((await t.db.submission.findUniqueOrThrow({ where: { id: submissionId } })).state).toBe(to);
    expect((await draftRow(t.db, draftId)).state).toBe(draftTransitions[draft].to);
    expect(await auditActions(t.db, submissionId)).toEqual(["submission.create", `submission.${step}`]);
  });

  it.each(pairs.filter((p) => !p.legal))("$step from $from is refused and changes nothing", async ({ step, from }) => {
    const { draftId, submissionId } = await submissionIn(from);
    expect(await advanceSubmission({ step, submissionId, draftId, actorId: approver.id })).toBe(false);

    expect((await t.db.submission.findUniqueOrThrow({ where: { id: submissionId } })).state).toBe(from);
    expect((await draftRow(t.db, draftId)).state).toBe(draftStateFor[from]);
    expect(await auditActions(t.db, submissionId)).toEqual(["submission.create"]);
  });

  it("an answer for another attempt than the current one changes nothing, draft included", async () => {
    const { draftId, submissionId } = await submissionIn("sending");
    expect(await advanceSubmission({ step: "created", submissionId, draftId, actorId: null, attempt: 7 })).toBe(false);
    expect((await draftRow(t.db, draftId)).state).toBe("submitting");
  });
});
