import { afterAll, describe, expect, it } from "vitest";

import { liftEmergencyStop, setEmergencyStop } from "@/lib/controls/emergency-stop";
import { createTestDatabase } from "@/tests/support/db";
import { seedUser } from "@/tests/support/fixtures/review";

import type { JobContext } from "../context";
import { pausedByEmergencyStop } from "./paused-by-stop";

const t = await createTestDatabase();
afterAll(() => t.drop());

describe("jobs under the emergency stop", () => {
  it("do nothing while it is on, and run again once it is lifted", async () => {
    const admin = await seedUser(t.db, "Ada", "admin");
    let runs = 0;
    const handlers = pausedByEmergencyStop({ "sync-posts": async () => ({ ran: ++runs }) });
    const sync = handlers["sync-posts"];
    if (!sync) throw new Error("the guarded handler is missing");
    const ctx = { db: t.db } as unknown as JobContext;
    const payload = { writerId: "w1", triggeredById: null, thenDraft: false } as never;

    await setEmergencyStop("A bad batch of notes went out; checking the sources", admin);
    expect(await sync(payload, ctx)).toEqual({ skipped: "Emergency stop: A bad batch of notes went out; checking the sources" });
    expect(runs).toBe(0);

    await liftEmergencyStop("Sources checked", admin);
    expect(await sync(payload, ctx)).toEqual({ ran: 1 });
  });
});
