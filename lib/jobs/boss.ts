import "server-only";

import PgBoss from "pg-boss";

import { queueNames, queueSpecs } from "./queues";

export type JobQueue = PgBoss;

export type BossRole = "client" | "worker";

export type BossTuning = {
  /** How often an idle worker looks for jobs (pg-boss default 2 s); tests use the minimum, 0.5 s. */
  pollingIntervalSeconds?: number;
};

export const BOSS_SCHEMA = "pgboss";

/**
 * Opens pg-boss on the app's database. A client (the web app) only sends jobs and edits schedules;
 * a worker also runs jobs, fires schedules and does pg-boss's maintenance. Both create the schema
 * and queues if missing, so whichever starts first works, and each start re-applies queueSpecs.
 */
export async function openJobQueue(connectionString: string, role: BossRole, tuning: BossTuning = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: `notedesk-${role}`,
    max: role === "client" ? 3 : 10,
    supervise: role === "worker",
    schedule: role === "worker",
    ...tuning,
  });
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const name of queueNames) {
    const { retryLimit, retryDelay, expireInSeconds } = queueSpecs[name];
    const options = { name, policy: "stately" as const, retryLimit, retryDelay, retryBackoff: true, expireInSeconds };
    // createQueue leaves an existing queue as it is; updateQueue brings its options up to date.
    await boss.createQueue(name, options);
    await boss.updateQueue(name, options);
  }
}
