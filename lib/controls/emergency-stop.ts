import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { getDb, sql, sqlBatched, type SqlRunner } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";

import { writtenReasonSchema } from "./reason";
import { utcMinute } from "./utc";

/**
 * One switch that pauses every submission and scheduled job at once. The send path and the job
 * handlers ask `assertNotStopped()` right before acting, so a stop set while a page is open still
 * blocks the click on it.
 */

export type EmergencyStopDto = { reason: string; setBy: { id: string; name: string } | null; since: Date };

const ROW = "global";

type StopRow = { reason: string | null; setAt: Date | null; setById: string | null; setByName: string | null };

/** Read on every send and every job, so one plain statement (a Prisma transaction works too). */
export async function currentStop(db: SqlRunner = sqlBatched()): Promise<EmergencyStopDto | null> {
  const [row] = await db.$queryRaw<StopRow[]>`
    SELECT s.reason, s.set_at AS "setAt", u.id AS "setById", u.name AS "setByName"
      FROM emergency_stop s LEFT JOIN users u ON u.id = s.set_by_id
     WHERE s.id = ${ROW} AND s.active`;
  if (!row) return null;
  const setBy = row.setById && row.setByName ? { id: row.setById, name: row.setByName } : null;
  return { reason: row.reason ?? "", setBy, since: row.setAt ?? new Date(0) };
}

export function describeStop(stop: EmergencyStopDto): string {
  const who = stop.setBy ? ` by ${stop.setBy.name}` : "";
  return `Emergency stop${who} since ${utcMinute(stop.since)}: “${stop.reason}”`;
}

/** Throws DomainError("blocked") while the stop is on. */
export async function assertNotStopped(db: SqlRunner = sql()): Promise<void> {
  const stop = await currentStop(db);
  if (!stop) return;
  throw new DomainError("blocked", `${describeStop(stop)}. Nothing is sent to X and no scheduled job runs until an admin lifts it in Settings → Controls.`);
}

export async function setEmergencyStop(reason: string, actor: Actor): Promise<EmergencyStopDto> {
  const why = writtenReasonSchema.parse(reason);
  return getDb().$transaction(async (tx) => {
    const since = new Date();
    await tx.emergencyStop.upsert({ where: { id: ROW }, create: { id: ROW }, update: {} });
    const set = await tx.emergencyStop.updateMany({
      where: { id: ROW, active: false },
      data: { active: true, reason: why, setById: actor.id, setAt: since },
    });
    if (set.count === 0) throw new DomainError("invalid_state", "The emergency stop is already on. Lift it first to change its reason.");
    await recordAudit(tx, { actorId: actor.id, action: "control.emergency_stop.set", subjectType: "control", subjectId: "emergency_stop", before: { active: false }, after: { active: true, reason: why } });
    const setBy = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, name: true } });
    return { reason: why, setBy, since };
  });
}

/** Lifting takes a reason too: the audit trail should say why it was safe to resume. */
export async function liftEmergencyStop(reason: string, actor: Actor): Promise<void> {
  const why = writtenReasonSchema.parse(reason);
  await getDb().$transaction(async (tx) => {
    const stop = await currentStop(tx);
    const lifted = await tx.emergencyStop.updateMany({ where: { id: ROW, active: true }, data: { active: false } });
    if (!stop || lifted.count === 0) throw new DomainError("invalid_state", "The emergency stop is not on.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "control.emergency_stop.lift",
      subjectType: "control",
      subjectId: "emergency_stop",
      before: { active: true, reason: stop.reason },
      after: { active: false, reason: why },
    });
  });
}
