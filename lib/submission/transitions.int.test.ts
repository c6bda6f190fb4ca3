import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma, sql, SubmissionState, type DraftState, type SqlRunner } from "@/lib/db";
import { draftTransitions } from "@/lib/review/transitions";
import { auditActions, draftRow, seedDraft, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { advanceSubmission, advanceSubmissionIn } from "./advance";
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

  it("locks the draft before the submission, like every path that changes both: the submission's UPDATE waits on the draft's", async () => {
    const { draftId, submissionId } = await submissionIn("sending");
    let statement: Prisma.Sql | undefined;
    const capture: SqlRunner = {
      $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
        statement = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
        return [{ drafts: 0, submissions: 0 }] as T;
      },
      $executeRaw: async () => 0,
    };
    await advanceSubmissionIn(capture, { step: "created", submissionId, draftId, actorId: null });
    const plan = (await sql().$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (COSTS OFF) ${statement!}`)).map((row) => row["QUERY PLAN"]).join("\n");
    // The submission's scan sits under a one-time filter fed by the draft's UPDATE: run before any submission row is touched.
    expect(plan).toMatch(/Update on submissions[\s\S]*InitPlan[\s\S]*CTE Scan on moved[\s\S]*One-Time Filter/);
  });

  it("an answer for another attempt than the current one changes nothing, draft included", async () => {
    const { draftId, submissionId } = await submissionIn("sending");
    expect(await advanceSubmission({ step: "created", submissionId, draftId, actorId: null, attempt: 7 })).toBe(false);
    expect((await draftRow(t.db, draftId)).state).toBe("submitting");
  });
});
