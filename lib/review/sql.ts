import "server-only";

import { getDb, Prisma, type DbClient } from "@/lib/db";

/** What both the app's client and an interactive transaction offer: the queries these modules run. */
export type Tx = Prisma.TransactionClient;

/**
 * The database's clock in UTC, cut to the millisecond like the timestamp(3) columns, so a value written
 * now compares equal to now. Leases and budgets are timed by this one clock, so app servers whose
 * clocks drift still agree on who holds a draft.
 */
export const utcNow = Prisma.sql`date_trunc('milliseconds', now() AT TIME ZONE 'utc')`;

/** How long a claim lasts without a renewal; the editor renews while the reviewer works. */
export const CLAIM_LEASE_MINUTES = 10;
export const claimLeaseEnd = Prisma.sql`${utcNow} + ${Prisma.raw(`interval '${CLAIM_LEASE_MINUTES} minutes'`)}`;

/**
 * A claim only counts while its lease runs: an expired one is free for anyone, with no sweeper.
 * `d` is the drafts alias of the surrounding query.
 */
export const liveClaim = Prisma.sql`(d.claimed_by_id IS NOT NULL AND d.claimed_until >= ${utcNow})`;

/**
 * Many reviewers at once queue for pooled connections; Prisma's defaults (2 s to start, 5 s to run)
 * would turn that wait into failures, so transactions get room to wait their turn.
 */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>, db: DbClient = getDb()): Promise<T> {
  return db.$transaction(work, { maxWait: 15_000, timeout: 20_000 });
}
