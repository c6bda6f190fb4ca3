import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { liftEmergencyStop, setEmergencyStop } from "@/lib/controls/emergency-stop";
import { setClaimOpinionThreshold } from "@/lib/controls/thresholds";
import { DomainError } from "@/lib/errors";
import { approveDraft } from "@/lib/submission/approve";
import { previewSubmission } from "@/lib/submission/preview";
import { draftRow, seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { gateIds, type GateChecklist, type GateId } from "./dto";
import { assertGatesPass, evaluateGates } from "./evaluate";
import { evaluatorDown, scriptedGateDeps } from "./test-support";

const t = await createTestDatabase();
afterAll(() => t.drop());

const goodText = "The official report shows a 12% rise, not 48%. https://stats.valmora.gov/reports/2025/annual-summary";
let writerId: string;
let admin: { id: string; name: string };

beforeAll(async () => {
  admin = await seedUser(t.db, "Ada Admin", "admin");
});
beforeEach(async () => {
  writerId = (await seedWriter(t.db)).id;
});

const gate = (checklist: GateChecklist, id: GateId) => {
  const found = checklist.gates.find((g) => g.id === id);
  if (!found) throw new Error(`no gate ${id}`);
  return found;
};
const draftWith = (text: string, overrides: Parameters<typeof validNote>[0] = {}) => seedDraft(t.db, { writerId, note: validNote({ text, ...overrides }) });

describe("evaluateGates on a draft", () => {
  it("passes a good note, judging the exact payload approval would freeze", async () => {
    const draft = await draftWith(`  ${goodText}\n`);
    const { deps } = scriptedGateDeps({ score: 2.2 });
    const checklist = await evaluateGates({ draftId: draft.id }, deps);
    expect(checklist).toMatchObject({ draftId: draft.id, mode: "test", passed: true, blockedBy: [], payloadHash: (await previewSubmission(draft.id)).payloadHash });
    expect(checklist.gates.map((g) => [g.id, g.pass])).toEqual([
      ["mode", true],
      ["length", true],
      ["url_present", true],
      ["links", true],
      ["classification", true],
      ["evaluator", true],
      ["not_submitted", true],
      ["writing_limit", true],
      ["create_budget", true],
      ["llm_budget", true],
      ["emergency_stop", true],
    ]);
    expect(gate(checklist, "mode").reason).toBe("Sends in test mode (test_mode: true).");
    expect(gate(checklist, "length").reason).toBe("48 of 280 characters (each link counts as 1).");
    expect(gate(checklist, "evaluator")).toMatchObject({ claimOpinion: { score: 2.2, minScore: 0 }, reason: "ClaimOpinion score 2.2 reaches the writer's default threshold of 0." });
  });

  it("fails an over-long note with the count, never cutting it", async () => {
    const text = `${"a".repeat(279)} https://stats.valmora.gov/${"x".repeat(400)}`;
    const draft = await draftWith(text);
    const checklist = await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps);
    expect(gate(checklist, "length")).toMatchObject({ pass: false, reason: expect.stringContaining("281") });
    expect(checklist).toMatchObject({ passed: false, payloadHash: null, blockedBy: ["Length within 280"] });
    const revision = await t.db.revision.findUniqueOrThrow({ where: { id: draft.revisionId ?? "" } });
    expect(revision.text).toBe(text);
  });

  it("passes exactly 280 however long the link is", async () => {
    const draft = await draftWith(`${"a".repeat(278)} https://stats.valmora.gov/${"x".repeat(400)}`);
    expect(gate(await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps), "length")).toMatchObject({ pass: true, reason: "280 of 280 characters (each link counts as 1)." });
  });

  it("fails a note without a link on both link gates", async () => {
    const draft = await draftWith("An opinion with no source at all.");
    const checklist = await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps);
    expect(gate(checklist, "url_present")).toMatchObject({ pass: false, reason: "Add at least one source link starting with https:// or http://." });
    expect(gate(checklist, "links")).toMatchObject({ pass: false, reason: "There is no link to check." });
  });

  it("fails a dead link and shows each link's status", async () => {
    const draft = await draftWith("Figures: https://stats.valmora.gov/a and https://data.portalder.org/gone.");
    const { deps } = scriptedGateDeps({ deadLinks: { "https://data.portalder.org/gone": 404 } });
    const links = gate(await evaluateGates({ draftId: draft.id }, deps), "links");
    expect(links).toMatchObject({ pass: false, overridable: true, reason: "1 of 2 links do not answer 200: https://data.portalder.org/gone: answered 404." });
    expect(links.links?.map((l) => [l.url, l.status])).toEqual([
      ["https://stats.valmora.gov/a", 200],
      ["https://data.portalder.org/gone", 404],
    ]);
  });

  it("fails the links gate when the checker breaks, never passing it", async () => {
    const draft = await draftWith(goodText);
    const { deps } = scriptedGateDeps();
    const broken = {
      ...deps,
      linkChecker: () => {
        throw new DomainError("unavailable", "LINK_CHECK_MODE=simulated asks the X simulator's simulated web, but X_API_BASE_URL is not set.");
      },
    };
    expect(gate(await evaluateGates({ draftId: draft.id }, broken), "links")).toMatchObject({ pass: false, reason: expect.stringMatching(/^Couldn't be checked: LINK_CHECK_MODE=simulated/) });
    const crashing = { ...deps, linkChecker: () => ({ checkLink: () => Promise.reject(new Error("socket hang up")), checkLinks: () => Promise.reject(new Error("db down: secret details")) }) };
    const crashed = gate(await evaluateGates({ draftId: draft.id }, crashing), "links");
    expect(crashed).toMatchObject({ pass: false, reason: expect.stringContaining("unexpected error") });
    expect(crashed.reason).not.toContain("secret");
  });

  it.each([
    [{ classification: "misinformed_or_potentially_misleading", misleadingTags: [] }, "Choose at least one reason why the post is misleading."],
    [{ classification: "not_misleading", misleadingTags: ["factual_error"] }, "A note saying the post is not misleading takes no misleading reasons; remove them."],
    [{ classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error", "factual_error"] }, "A misleading reason is listed twice."],
  ])("fails classification and tags that disagree (%j)", async (fields, reason) => {
    const draft = await draftWith(goodText, fields);
    expect(gate(await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps), "classification")).toMatchObject({ pass: false, reason });
  });

  it("says what a consistent classification means", async () => {
    const draft = await draftWith(goodText, { classification: "not_misleading", misleadingTags: [] });
    expect(gate(await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps), "classification")).toMatchObject({ pass: true, reason: "Not misleading, with no misleading reasons." });
  });

  it("fails a test-feed draft once its writer is in production", async () => {
    const production = await seedWriter(t.db, false);
    const draft = await seedDraft(t.db, { writerId: production.id, testMode: true, note: validNote({ text: goodText }) });
    const checklist = await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps);
    expect(checklist).toMatchObject({ mode: "production", payloadHash: null });
    expect(gate(checklist, "mode")).toMatchObject({ pass: false, reason: "This draft came from the test feed but the writer is now in production mode, so it can't be sent." });
  });
});

describe("the evaluate_note gate", () => {
  it("blocks a score under the writer's threshold and passes one exactly at it", async () => {
    await setClaimOpinionThreshold({ writerId, minScore: 1.5 }, admin);
    const below = await draftWith(goodText);
    expect(gate(await evaluateGates({ draftId: below.id }, scriptedGateDeps({ score: 1.49 }).deps), "evaluator")).toMatchObject({
      pass: false,
      overridable: true,
      claimOpinion: { score: 1.49, minScore: 1.5 },
      reason: expect.stringMatching(/^ClaimOpinion score 1.49 is below the writer's threshold of 1.5/),
    });
    const at = await draftWith(`${goodText} Data.`);
    expect(gate(await evaluateGates({ draftId: at.id }, scriptedGateDeps({ score: 1.5 }).deps), "evaluator")).toMatchObject({ pass: true });
  });

  it("fails when the evaluator call fails, with X's explanation, and never by default", async () => {
    const draft = await draftWith(goodText);
    const { deps } = scriptedGateDeps({
      score: () => {
        throw evaluatorDown();
      },
    });
    const checklist = await evaluateGates({ draftId: draft.id }, deps);
    expect(gate(checklist, "evaluator")).toMatchObject({ pass: false, reason: expect.stringContaining("X had an internal error (HTTP 5xx).") });
    expect(checklist.passed).toBe(false);
  });

  it("fails when X is not configured at all", async () => {
    const draft = await draftWith(goodText);
    const { deps } = scriptedGateDeps();
    const unconfigured = {
      ...deps,
      evaluator: () => {
        throw new DomainError("unavailable", "The X API is not configured.");
      },
    };
    expect(gate(await evaluateGates({ draftId: draft.id }, unconfigured), "evaluator")).toMatchObject({ pass: false, reason: expect.stringContaining("The X API is not configured.") });
  });

  it("asks once per exact text and again after any edit", async () => {
    const draft = await draftWith(goodText);
    const { deps, calls } = scriptedGateDeps({ score: 2 });
    await evaluateGates({ draftId: draft.id }, deps);
    await evaluateGates({ draftId: draft.id }, deps);
    expect(calls.evaluate).toBe(1);
    const revision = await t.db.revision.create({
      data: { draftId: draft.id, number: 2, authorKind: "human", ...validNote({ text: `${goodText} Updated.` }) },
    });
    await t.db.draft.update({ where: { id: draft.id }, data: { currentRevisionId: revision.id } });
    await evaluateGates({ draftId: draft.id }, deps);
    expect(calls.evaluate).toBe(2);
  });

  it("does not store a failed evaluation: the next look asks again", async () => {
    const draft = await draftWith(goodText);
    let failing = true;
    const { deps, calls } = scriptedGateDeps({
      score: () => {
        if (failing) throw evaluatorDown();
        return 1.2;
      },
    });
    expect(gate(await evaluateGates({ draftId: draft.id }, deps), "evaluator").pass).toBe(false);
    failing = false;
    expect(gate(await evaluateGates({ draftId: draft.id }, deps), "evaluator")).toMatchObject({ pass: true, claimOpinion: { score: 1.2 } });
    expect(calls.evaluate).toBe(2);
  });
});

describe("the emergency stop gate", () => {
  it("blocks while the stop is on, naming who set it and why", async () => {
    const draft = await draftWith(goodText);
    await setEmergencyStop("A bad batch of notes went out; checking them.", admin);
    try {
      const checklist = await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps);
      expect(gate(checklist, "emergency_stop")).toMatchObject({ pass: false, reason: expect.stringMatching(/^Emergency stop by Ada Admin since .* UTC: “A bad batch of notes went out; checking them.”\.$/) });
      expect(checklist.blockedBy).toEqual(["Emergency stop off"]);
    } finally {
      await liftEmergencyStop("Checked every note; all fine to continue.", admin);
    }
    expect(gate(await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps), "emergency_stop")).toMatchObject({ pass: true, reason: "Off." });
  });
});

describe("assertGatesPass on the send path", () => {
  it("passes a frozen submission and reports what it relied on", async () => {
    const draft = await draftWith(goodText);
    const { submission } = await approveDraft(draft.id, draft.version, admin);
    const pass = await assertGatesPass({ submissionId: submission.id }, scriptedGateDeps({ score: 1.7 }).deps);
    const frozen = await t.db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { payloadHash: true } });
    expect(pass).toMatchObject({ payloadHash: frozen.payloadHash, mode: "test", claimOpinionScore: 1.7, overrides: [], reusedFromApproval: false });
    expect(pass.gates.map((g) => g.id)).toEqual(gateIds);
    expect(pass.gates.find((g) => g.id === "evaluator")).toEqual({ id: "evaluator", reason: "ClaimOpinion score 1.7 reaches the writer's default threshold of 0.", overriddenBy: null });
  });

  it("throws naming every failing gate, and changes nothing", async () => {
    const draft = await draftWith(goodText);
    const { submission } = await approveDraft(draft.id, draft.version, admin);
    const { deps } = scriptedGateDeps({ score: -1, deadLinks: { "https://stats.valmora.gov/reports/2025/annual-summary": 404 } });
    const refusal = assertGatesPass({ submissionId: submission.id }, deps);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: "blocked", message: expect.stringMatching(/^Not sent\. Blocked: a link doesn't answer 200 \(.*\); the evaluator score is below the writer's threshold \(ClaimOpinion score -1 is below/) });
    expect((await draftRow(t.db, draft.id)).state).toBe("approved");
  });

  it("judges the frozen request, not the draft, and refuses one altered after approval", async () => {
    const draft = await draftWith(goodText);
    const { submission } = await approveDraft(draft.id, draft.version, admin);
    await t.db.$executeRaw`UPDATE submissions SET request_body = jsonb_set(request_body, '{info,text}', '"Something else entirely https://bit.ly/x"') WHERE id = ${submission.id}`;
    await expect(assertGatesPass({ submissionId: submission.id }, scriptedGateDeps().deps)).rejects.toMatchObject({
      code: "blocked",
      message: expect.stringContaining("payload hash mismatch"),
    });
  });

  it("refuses a post that already has this writer's note on X", async () => {
    const draft = await draftWith(goodText);
    await t.db.writtenNote.create({
      data: { id: `note-${draft.id}`, writerId, postId: draft.postId, testMode: true, text: goodText, classification: "not_misleading", misleadingTags: [], trustworthySources: true },
    });
    expect(gate(await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps), "not_submitted")).toMatchObject({
      pass: false,
      reason: `X already lists this writer's note note-${draft.id} on this post, and accepts one note per post.`,
    });
  });

  it("refuses a draft whose submission already succeeded", async () => {
    const draft = await draftWith(goodText);
    const { submission } = await approveDraft(draft.id, draft.version, admin);
    await t.db.submission.update({ where: { id: submission.id }, data: { state: "succeeded" } });
    expect(gate(await evaluateGates({ draftId: draft.id }, scriptedGateDeps().deps), "not_submitted")).toMatchObject({ pass: false, reason: "This note was already submitted to X." });
  });
});
