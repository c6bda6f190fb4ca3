import "server-only";

import type { DbClient } from "@/lib/db";

import type { JobQueue } from "../boss";
import {
  defaultSchedules,
  scheduledQueues,
  scheduleLabels,
  type ScheduleDto,
  type ScheduleSetting,
} from "./schedule-input";

/**
 * Schedules live in pg-boss's own schedule table (one per queue); the worker's scheduler fires
 * them, a tick carrying no writer, which the job fans out to every writer. Changes are audited.
 */

const TIMEZONE = "UTC";
const AUDIT_SUBJECT = { subjectType: "schedule", subjectId: "jobs" } as const;

/** A row of pgboss.schedule as getSchedules() returns it (its typings leave out the timestamps). */
type StoredSchedule = { name: string; cron: string; data: { draftAfter?: unknown } | null; updated_on: Date };

export async function listSchedules(queue: JobQueue): Promise<ScheduleDto[]> {
  const stored = (await queue.getSchedules()) as unknown as StoredSchedule[];
  return scheduledQueues.map((name) => {
    const schedule = stored.find((s) => s.name === name);
    return {
      queue: name,
      label: scheduleLabels[name],
      cron: schedule?.cron ?? null,
      draftAfter: schedule?.data?.draftAfter === true,
      updatedAt: schedule ? new Date(schedule.updated_on).toISOString() : null,
    };
  });
}

export async function saveSchedule(queue: JobQueue, db: DbClient, setting: ScheduleSetting, actorId: string | null): Promise<void> {
  const before = (await listSchedules(queue)).find((s) => s.queue === setting.queue);
  await applySchedule(queue, setting);
  await db.auditEvent.create({
    data: {
      actorId,
      action: "schedule.update",
      ...AUDIT_SUBJECT,
      before: { queue: setting.queue, cron: before?.cron ?? null, draftAfter: before?.draftAfter ?? false },
      after: { queue: setting.queue, cron: setting.cron, draftAfter: setting.draftAfter },
    },
  });
}

async function applySchedule(queue: JobQueue, { queue: name, cron, draftAfter }: ScheduleSetting): Promise<void> {
  if (cron === null) return queue.unschedule(name);
  const data = name === "sync-posts" ? { triggeredById: null, draftAfter } : { triggeredById: null };
  await queue.schedule(name, cron, data, { tz: TIMEZONE });
}

/**
 * Installs the default schedules the first time a worker starts on a database. The audit trail is
 * the memory: once defaults were applied or an admin saved a schedule, nothing is touched, so a
 * schedule an admin turned off stays off.
 */
export async function applyDefaultSchedulesOnce(queue: JobQueue, db: DbClient): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('notedesk:default-schedules'))`;
    const configured = await tx.auditEvent.count({ where: { ...AUDIT_SUBJECT, action: { startsWith: "schedule." } } });
    if (configured > 0) return false;
    for (const setting of defaultSchedules) await applySchedule(queue, setting);
    await tx.auditEvent.create({
      data: { actorId: null, action: "schedule.apply_defaults", ...AUDIT_SUBJECT, after: { schedules: defaultSchedules.map((s) => `${s.queue}: ${s.cron}`) } },
    });
    return true;
  });
}
