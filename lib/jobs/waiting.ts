import "server-only";

import { Prisma, type DbClient } from "@/lib/db";

import { BOSS_SCHEMA } from "./boss";
import { queueNames, type QueueName } from "./queues";

export type WaitingJobDto = {
  id: string;
  queue: QueueName;
  writerName: string | null;
  /** "retry": an earlier attempt failed and pg-boss will try again at `startAfter`. */
  state: "created" | "retry";
  retryCount: number;
  createdAt: string;
  startAfter: string;
};

type Row = { id: string; name: QueueName; writerName: string | null; state: "created" | "retry"; retryCount: number; createdOn: Date; startAfter: Date };

/**
 * Jobs queued but not started: what the Runs page shows before a run exists. Read from pg-boss's
 * job table directly (its API has no listing); the columns are those of pg-boss 10.
 */
export async function listWaitingJobs(db: DbClient, limit = 20): Promise<WaitingJobDto[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT j.id::text AS id, j.name, w.name AS "writerName", j.state::text AS state, j.retry_count AS "retryCount",
           j.created_on AS "createdOn", j.start_after AS "startAfter"
      FROM ${Prisma.raw(`${BOSS_SCHEMA}.job`)} AS j
      LEFT JOIN writers AS w ON w.id = j.data->>'writerId'
     WHERE j.name IN (${Prisma.join(queueNames)}) AND j.state IN ('created', 'retry')
     ORDER BY j.created_on
     LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    queue: r.name,
    writerName: r.writerName,
    state: r.state,
    retryCount: r.retryCount,
    createdAt: r.createdOn.toISOString(),
    startAfter: r.startAfter.toISOString(),
  }));
}
