import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { openJobQueue, type JobQueue } from "../boss";
import { scheduleInputSchema } from "./schedule-input";
import { applyDefaultSchedulesOnce, listSchedules, saveSchedule } from "./store";

let t: TestDatabase;
let queue: JobQueue;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  queue = await openJobQueue(t.url, "client");
  adminId = (await t.db.user.create({ data: { email: "ada@example.org", name: "Ada", passwordHash: "-", role: "admin" } })).id;
});
afterAll(async () => {
  await queue.stop({ graceful: false });
  await t.drop();
});

const cronOf = async (name: string) => (await listSchedules(queue)).find((s) => s.queue === name)?.cron ?? null;

describe("schedules", () => {
  it("installs the defaults once, and never again after an admin changed anything", async () => {
    expect((await listSchedules(queue)).every((s) => s.cron === null)).toBe(true);

    expect(await applyDefaultSchedulesOnce(queue, t.db)).toBe(true);
    expect(await applyDefaultSchedulesOnce(queue, t.db)).toBe(false);
    const sync = (await listSchedules(queue)).find((s) => s.queue === "sync-posts");
    expect(sync).toMatchObject({ cron: "*/15 * * * *", draftAfter: true, label: "Pull eligible posts", updatedAt: expect.any(String) });
    expect(await cronOf("refresh-notes")).toBe("0 * * * *");

    await saveSchedule(queue, t.db, scheduleInputSchema.parse({ queue: "sync-posts", cron: null }), adminId);
    expect(await applyDefaultSchedulesOnce(queue, t.db)).toBe(false);
    expect(await cronOf("sync-posts")).toBeNull(); // turned off stays off
  });

  it("stores an admin's schedule in pg-boss with its payload, and audits the change", async () => {
    await saveSchedule(queue, t.db, scheduleInputSchema.parse({ queue: "sync-posts", cron: "0 */6 * * *", draftAfter: false }), adminId);
    await saveSchedule(queue, t.db, scheduleInputSchema.parse({ queue: "draft-posts", cron: "30 * * * *" }), adminId);

    const stored = await queue.getSchedules();
    expect(stored.find((s) => s.name === "sync-posts")).toMatchObject({ cron: "0 */6 * * *", data: { triggeredById: null, draftAfter: false } });
    expect(stored.find((s) => s.name === "draft-posts")).toMatchObject({ cron: "30 * * * *", data: { triggeredById: null } });

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "schedule.update", actorId: adminId }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      subjectType: "schedule",
      before: { queue: "draft-posts", cron: null },
      after: { queue: "draft-posts", cron: "30 * * * *" },
    });
  });
});
