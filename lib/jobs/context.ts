import "server-only";

import type { DbClient } from "@/lib/db";
import type { EligibleFeed } from "@/lib/ingest/sync";

import type { JobQueue } from "./boss";
import type { DraftingSetup } from "./drafting-setup";
import type { JobPayload, QueueName } from "./queues";

/** What a job's code gets besides its payload. */
export type JobContext = {
  db: DbClient;
  /** For jobs that queue follow-up work (a scheduled tick's fan-out, drafting after a pull). */
  queue: JobQueue;
  /** Aborted when the worker is stopping: finish or hand back what is in hand, start nothing new. */
  signal: AbortSignal;
  services: WorkerServices;
};

/** The outside world, built lazily so a missing X or model configuration fails only the jobs that need it. */
export type WorkerServices = {
  eligibleFeed(): EligibleFeed;
  drafting(): DraftingSetup;
};

/** pg-boss stores the returned object as the job's output; a throw fails the job and it is retried. */
export type JobOutput = Record<string, unknown>;

export type JobHandler<Q extends QueueName> = (data: JobPayload<Q>, ctx: JobContext) => Promise<JobOutput>;

export type JobHandlers = { [Q in QueueName]?: JobHandler<Q> };
