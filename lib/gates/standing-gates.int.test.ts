import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { setWriterLlmBudget } from "@/lib/costs/budgets";
import { approveDraft } from "@/lib/submission/approve";
import { DAILY_CREATE_LIMIT } from "@/lib/submission/budget";
import { seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { createBudgetGate, llmBudgetGate, writingLimitGate } from "./standing-gates";
import { loadSubject } from "./subject";

const t = await createTestDatabase();
afterAll(() => t.drop());

const text = "The official report shows a 12% rise, not 48%. https://stats.valmora.gov/reports/2025/annual-summary";
let admin: { id: string; name: string };
let writer: { id: string; testMode: boolean };

beforeEach(async () => {
  admin = await seedUser(t.db, "Ada Admin", "admin");
  writer = await seedWriter(t.db, false);
});

/** A production submission that was sent (or refused) just now. */
async function productionSubmission(state: "succeeded" | "failed", attempts = 1) {
  const draft = await seedDraft(t.db, { writerId: writer.id, testMode: false, state: state === "succeeded" ? "submitted" : "failed", note: validNote({ text }) });
  await t.db.submission.create({
    data: {
      draftId: draft.id,
      writerId: writer.id,
      postId: draft.postId,
      testMode: false,
      idempotencyKey: `key-${draft.id}`,
      requestBody: {},
      payloadHash: "h",
      state,
      attempts,
      approvedById: admin.id,
    },
  });
}

describe("the writing limit gate", () => {
  it("does not apply to test mode", async () => {
    const testWriter = await seedWriter(t.db, true);
    const draft = await seedDraft(t.db, { writerId: testWriter.id, note: validNote({ text }) });
    expect(await writingLimitGate(await loadSubject({ draftId: draft.id }))).toMatchObject({ pass: true, reason: "Test-mode notes have no writing limit." });
  });

  it("blocks once a new writer's estimated 10 production notes are approved, but lets the 10th itself be sent", async () => {
    for (let i = 0; i < 9; i++) await productionSubmission("succeeded");
    const tenth = await seedDraft(t.db, { writerId: writer.id, testMode: false, note: validNote({ text }) });
    const { submission } = await approveDraft(tenth.id, tenth.version, admin);
    expect(await writingLimitGate(await loadSubject({ submissionId: submission.id }))).toMatchObject({
      pass: true,
      reason: "9 of about 10 production notes used in the last 24 hours (Notedesk's estimate).",
    });
    const eleventh = await seedDraft(t.db, { writerId: writer.id, testMode: false, note: validNote({ text }) });
    expect(await writingLimitGate(await loadSubject({ draftId: eleventh.id }))).toMatchObject({
      pass: false,
      reason: expect.stringMatching(/^10 production notes approved in the last 24 hours reach X's daily writing limit/),
    });
  });
});

describe("the daily create budget gate", () => {
  it(`counts every POST /2/notes attempt and blocks at ${DAILY_CREATE_LIMIT}`, async () => {
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: false, note: validNote({ text }) });
    await productionSubmission("failed", DAILY_CREATE_LIMIT - 1);
    expect(createBudgetGate(await loadSubject({ draftId: draft.id }))).toMatchObject({ pass: true, reason: `${DAILY_CREATE_LIMIT - 1} of ${DAILY_CREATE_LIMIT} POST /2/notes calls used in the last 24 hours.` });
    await productionSubmission("succeeded", 1);
    // The count is read with the subject, in the same statement as the note it judges.
    expect(createBudgetGate(await loadSubject({ draftId: draft.id }))).toMatchObject({ pass: false, reason: expect.stringMatching(/has used them all\. The next one frees up around \d\d:\d\d UTC\.$/) });
  });
});

describe("the LLM budget gate", () => {
  it("passes without a budget, shows spend under one, and blocks once it is spent", async () => {
    const draft = await seedDraft(t.db, { writerId: writer.id, testMode: false, note: validNote({ text }) });
    const subject = await loadSubject({ draftId: draft.id });
    expect(await llmBudgetGate(subject)).toMatchObject({ pass: true, reason: "No LLM budget is set for this writer." });

    await setWriterLlmBudget({ writerId: writer.id, dailyDollars: 0.05, monthlyDollars: null }, admin);
    await t.db.llmCall.create({ data: { writerId: writer.id, provider: "xai", model: "grok-4", purpose: "draft", inputTokens: 1000, outputTokens: 500, costMicros: 10_500, ok: true } });
    expect(await llmBudgetGate(subject)).toMatchObject({ pass: true, reason: "Spent $0.0105 of $0.05 today." });

    await t.db.llmCall.create({ data: { writerId: writer.id, provider: "xai", model: "grok-4", purpose: "draft", inputTokens: 5000, outputTokens: 2000, costMicros: 45_000, ok: true } });
    expect(await llmBudgetGate(subject)).toMatchObject({ pass: false, reason: expect.stringMatching(/has spent \$0\.0555 of its daily LLM budget of \$0\.05\. Drafting is paused until 00:00 UTC/) });
  });
});
