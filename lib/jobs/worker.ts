import "server-only";

import { getDb, type DbClient } from "@/lib/db";
import type { EligibleFeed } from "@/lib/ingest/sync";

import { openJobQueue, type BossTuning, type JobQueue } from "./boss";
import type { JobContext, JobHandler, JobHandlers, WorkerServices } from "./context";
import { draftingSetupFromEnv, type DraftingSetup } from "./drafting-setup";
import { jobHandlers } from "./handlers";
import { jobPayloads, queueNames, queueSpecs, type JobPayload, type QueueName } from "./queues";
import { applyDefaultSchedulesOnce } from "./schedules/store";
import { configuredEligibleFeed } from "./x-feed";

export type WorkerOptions = {
  databaseUrl: string;
  /** Default: getDb(). */
  db?: DbClient;
  /** Default: the configured X account and model. */
  services?: WorkerServices;
  /** Default: jobHandlers. Queues without a handler keep their jobs waiting. */
  handlers?: JobHandlers;
  concurrency?: Partial<Record<QueueName, number>>;
  tuning?: BossTuning;
  /** Install the default schedules on a database that never had any (default true). */
  seedSchedules?: boolean;
  /** How long stop() lets running jobs finish before failing them back to the queue. Default 30 s. */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
};

export type RunningWorker = {
  queue: JobQueue;
  /** Stops taking jobs, tells running ones to wrap up, waits for them, closes the connections. */
  stop(): Promise<void>;
};

/**
 * Runs every queue's jobs in this process: what `npm run worker` runs, and what `npm run demo`
 * starts beside the web server. Several workers, on one machine or many, share the queues safely.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const db = options.db ?? getDb();
  const queue = await openJobQueue(options.databaseUrl, "worker", options.tuning);
  const stopping = new AbortController();
  const context: JobContext = { db, queue, signal: stopping.signal, services: options.services ?? configuredServices() };
  const handlers = options.handlers ?? jobHandlers;

  const workQueue = async <Q extends QueueName>(name: Q, handler: JobHandler<Q>) => {
    const concurrency = options.concurrency?.[name] ?? queueSpecs[name].concurrency;
    for (let slot = 0; slot < concurrency; slot++) {
      // One job per fetch, so each fails or succeeds on its own; the concurrency is the number of loops.
      await queue.work<unknown>(name, { batchSize: 1 }, async ([job]) => {
        if (!job) return;
        try {
          return await handler(jobPayloads[name].parse(job.data) as JobPayload<Q>, context);
        } catch (error) {
          log(`${name} job ${job.id} failed (pg-boss retries it while attempts remain): ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      });
    }
  };

  try {
    for (const name of queueNames) {
      const handler = handlers[name];
      if (handler) await workQueue(name, handler as JobHandler<typeof name>);
      else log(`${name}: no handler in this version; its jobs wait in the queue.`);
    }
    if (options.seedSchedules ?? true) {
      if (await applyDefaultSchedulesOnce(queue, db)) log("installed the default schedules (change them on the Runs page).");
    }
  } catch (error) {
    await queue.stop({ graceful: false });
    throw error;
  }

  return {
    queue,
    async stop() {
      stopping.abort();
      await queue.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 30_000 });
    },
  };
}

/** One X client and one model setup per worker, so their rate limits count every job's calls. */
function configuredServices(): WorkerServices {
  let feed: EligibleFeed | undefined;
  let drafting: DraftingSetup | undefined;
  return {
    eligibleFeed: () => (feed ??= configuredEligibleFeed()),
    drafting: () => (drafting ??= draftingSetupFromEnv()),
  };
}
