import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedUser } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { assertNotStopped, currentStop, liftEmergencyStop, setEmergencyStop } from "./emergency-stop";

const t = await createTestDatabase();
afterAll(() => t.drop());

let admin: { id: string; name: string };
beforeAll(async () => {
  admin = await seedUser(t.db, "Ada Admin", "admin");
});

describe("the emergency stop", () => {
  it("is off on a fresh database", async () => {
    expect(await currentStop()).toBeNull();
    await expect(assertNotStopped()).resolves.toBeUndefined();
  });

  it("blocks assertNotStopped while on, with who, since when and why, until lifted; both audited", async () => {
    const stop = await setEmergencyStop("  Notes with dead links went out; pausing to check.  ", admin);
    expect(stop).toEqual({ reason: "Notes with dead links went out; pausing to check.", setBy: { id: admin.id, name: "Ada Admin" }, since: expect.any(Date) });
    expect(await currentStop()).toEqual(stop);
    await expect(assertNotStopped()).rejects.toMatchObject({
      code: "blocked",
      message: expect.stringMatching(/^Emergency stop by Ada Admin since \d{4}-\d\d-\d\d \d\d:\d\d UTC: “Notes with dead links went out; pausing to check.”\. Nothing is sent to X/),
    });

    await liftEmergencyStop("Checked all of them; the links were fixed.", admin);
    expect(await currentStop()).toBeNull();
    await expect(assertNotStopped()).resolves.toBeUndefined();

    const events = await t.db.auditEvent.findMany({ where: { subjectType: "control", subjectId: "emergency_stop" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.after])).toEqual([
      ["control.emergency_stop.set", admin.id, { active: true, reason: "Notes with dead links went out; pausing to check." }],
      ["control.emergency_stop.lift", admin.id, { active: false, reason: "Checked all of them; the links were fixed." }],
    ]);
  });

  it("needs a reason of a sentence to set or lift", async () => {
    await expect(setEmergencyStop("stop", admin)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: expect.stringContaining("in a sentence") })] });
    expect(await currentStop()).toBeNull();
  });

  it("refuses to set it twice or lift it when off, changing nothing", async () => {
    await expect(liftEmergencyStop("Nothing to lift, really.", admin)).rejects.toMatchObject({ code: "invalid_state" });
    await setEmergencyStop("First reason for stopping everything.", admin);
    await expect(setEmergencyStop("Second reason for stopping everything.", admin)).rejects.toMatchObject({ code: "invalid_state" });
    expect((await currentStop())?.reason).toBe("First reason for stopping everything.");
    await liftEmergencyStop("Done with the first reason here.", admin);
  });

  it("two admins pressing at once set it once", async () => {
    const other = await seedUser(t.db, "Otto Admin", "admin");
    const results = await Promise.allSettled([setEmergencyStop("Pressed by Ada at the same time.", admin), setEmergencyStop("Pressed by Otto at the same time.", other)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await liftEmergencyStop("Resolved the double press, all fine.", admin);
  });
});
