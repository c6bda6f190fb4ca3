import "server-only";

import { pipelined, Prisma, sql, type SqlRunner } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { utcNow } from "@/lib/review/sql";

/** X's cap on POST /2/notes per writer: 250 in any 24 hours (x-api-reference §3). */
export const DAILY_CREATE_LIMIT = 250;

export type CreatesInLastDay = { used: number; oldest: Date | null };

/**
 * POST /2/notes calls this writer made in the last 24 hours, counted from its own submissions: each
 * attempt counts, answered or not, so a lost answer is never under-counted. A row's attempts are
 * dated by its last change, which can only count an old attempt too long, never too short.
 * As a subquery on `writerId` (a value or a column), so a larger read can carry it.
 */
export function createsInLastDaySql(writerId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(sum(c.attempts), 0)::int AS used, min(c.updated_at) AS oldest
    FROM submissions c
    WHERE c.writer_id = ${writerId} AND c.attempts > 0 AND c.updated_at > ${utcNow} - interval '24 hours'`;
}

export async function createsInLastDay(writerId: string, tx: SqlRunner = sql()): Promise<CreatesInLastDay> {
  const [row] = await tx.$queryRaw<CreatesInLastDay[]>(createsInLastDaySql(Prisma.sql`${writerId}`));
  return row ?? { used: 0, oldest: null };
}

/** The refusal once the day's creates are spent, saying when the next one frees up; null while there is room. */
export function dailyBudgetRefusal({ used, oldest }: CreatesInLastDay): DomainError | null {
  if (used < DAILY_CREATE_LIMIT) return null;
  const frees = oldest ? ` The next one frees up around ${new Date(oldest.getTime() + 24 * 3600_000).toISOString().slice(11, 16)} UTC.` : "";
  return new DomainError("limit_reached", `X accepts ${DAILY_CREATE_LIMIT} new notes per writer in 24 hours and this writer has used them all.${frees}`);
}

/**
 * The writer's budget lock, held until the transaction ends so two sends can't both take the last
 * slot (an advisory lock: no row stands for "the writer's day"), and the day's creates counted under
 * it. Both are sent at once: the count runs after the lock is granted, as the server takes a
 * connection's statements in order, so on the pipelined connection this is one round trip. A claim
 * takes this lock before it moves the draft, the order every path keeps.
 */
export async function createsUnderBudgetLock(tx: SqlRunner, writerId: string): Promise<CreatesInLastDay> {
  const [, creates] = await pipelined(lockWriterBudget(tx, writerId), createsInLastDay(writerId, tx));
  return creates;
}

/** The lock alone, for a claim that counts the day's creates in its own statement (approve-and-submit.ts). */
export async function lockWriterBudget(tx: SqlRunner, writerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`notedesk:create-budget:${writerId}`}, 0))`;
}
