import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { syncEligiblePosts } from "@/lib/ingest/sync";
import { createXClient } from "@/lib/x";
import { demoCredentials, startXSimulator, type XSimulator } from "@/lib/x-simulator";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { eligibleFeedFrom } from "./x-feed";

let t: TestDatabase;
let sim: XSimulator;
beforeAll(async () => {
  t = await createTestDatabase();
  sim = await startXSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.stop();
  await t.drop();
});

describe("eligibleFeedFrom", () => {
  it("serves the sync run the X client's pages, and a bad feed size fails the run with a reason", async () => {
    const client = createXClient({ baseUrl: sim.url, auth: { kind: "oauth2", userAccessToken: demoCredentials.writer.oauth2UserToken } });
    const writer = await t.db.writer.create({ data: { name: "Feed writer" } });

    const result = await syncEligiblePosts(t.db, eligibleFeedFrom(client), { writer, pageSize: 20 });

    expect(result.state).toBe("succeeded");
    expect(result.counts.new).toBeGreaterThan(20);
    expect(result.counts.pages).toBeGreaterThan(1);
    expect(await t.db.eligibility.count({ where: { writerId: writer.id, testMode: true } })).toBe(result.counts.new);

    const odd = await t.db.writer.create({ data: { name: "Odd writer", feedSize: "enormous" } });
    const failed = await syncEligiblePosts(t.db, eligibleFeedFrom(client), { writer: odd });
    expect(failed.state).toBe("failed");
    expect(failed.errors[0]?.message).toMatch(/feed size "enormous"/);
  });
});
