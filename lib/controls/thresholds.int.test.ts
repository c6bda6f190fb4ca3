import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditActions, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { claimOpinionThreshold, setClaimOpinionThreshold } from "./thresholds";

const t = await createTestDatabase();
afterAll(() => t.drop());

let admin: { id: string; name: string };
beforeAll(async () => {
  admin = await seedUser(t.db, "Ada Admin", "admin");
});

describe("the ClaimOpinion threshold", () => {
  it("defaults to CLAIM_OPINION_MIN_SCORE (0: not read as opinion)", async () => {
    const writer = await seedWriter(t.db);
    expect(await claimOpinionThreshold(writer.id)).toEqual({ minScore: 0, source: "default" });
  });

  it("is set per writer, audited, and reset to the default with null", async () => {
    const writer = await seedWriter(t.db);
    expect(await setClaimOpinionThreshold({ writerId: writer.id, minScore: 1.25 }, admin)).toEqual({ minScore: 1.25, source: "writer" });
    expect(await setClaimOpinionThreshold({ writerId: writer.id, minScore: null }, admin)).toEqual({ minScore: 0, source: "default" });
    const events = await t.db.auditEvent.findMany({ where: { subjectId: writer.id }, orderBy: { id: "asc" }, select: { before: true, after: true } });
    expect(events).toEqual([
      { before: { minScore: null }, after: { minScore: 1.25 } },
      { before: { minScore: 1.25 }, after: { minScore: null } },
    ]);
    expect(await auditActions(t.db, writer.id)).toEqual(["writer.claim_opinion_threshold", "writer.claim_opinion_threshold"]);
  });

  it("refuses a value that is not a number in range", async () => {
    const writer = await seedWriter(t.db);
    await expect(setClaimOpinionThreshold({ writerId: writer.id, minScore: Number.NaN }, admin)).rejects.toThrow();
    await expect(setClaimOpinionThreshold({ writerId: writer.id, minScore: 11 }, admin)).rejects.toThrow();
  });
});
