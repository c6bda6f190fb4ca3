import { z } from "zod";

/**
 * The job queues, what each job carries, and how each queue retries and shares out work. pg-boss
 * keeps its own tables in the `pgboss` schema of the app's database; nothing here needs a migration.
 */

const triggeredBy = z.string().nullable().default(null);

/**
 * A job without a writerId is a scheduled tick meaning "every writer": the worker fans it out into
 * one job per writer, so a schedule (pg-boss allows one per queue) covers teams with several writers.
 */
const writerJob = z.object({ writerId: z.string().optional(), triggeredById: triggeredBy });

export const jobPayloads = {
  "sync-posts": writerJob.extend({ draftAfter: z.boolean().default(false) }),
  "draft-posts": writerJob,
  /** Queued by a drafting run that finished, for writers with shadow variants (docs/variants.md). */
  "shadow-drafts": writerJob,
  "revise-draft": z.object({ draftId: z.string(), triggeredById: triggeredBy }),
  "refresh-notes": writerJob,
  "reconcile-submissions": z.object({ triggeredById: triggeredBy }),
} as const;

export type QueueName = keyof typeof jobPayloads;
export type JobPayload<Q extends QueueName> = z.output<(typeof jobPayloads)[Q]>;
export type JobInput<Q extends QueueName> = z.input<(typeof jobPayloads)[Q]>;

/** Queues whose jobs act for one writer (and fan out over all writers when scheduled). */
export const writerQueues = ["sync-posts", "draft-posts", "shadow-drafts", "refresh-notes"] as const satisfies QueueName[];
export type WriterQueue = (typeof writerQueues)[number];

export const queueNames = Object.keys(jobPayloads) as QueueName[];

export type QueueSpec = {
  /** Parallel jobs of this queue in one worker process. */
  concurrency: number;
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further one (pg-boss retryBackoff). */
  retryDelay: number;
  /** A job still active after this long is failed (and retried): the limit for a hung handler. */
  expireInSeconds: number;
};

/**
 * All queues are "stately": per singleton key, at most one job waiting and one running. Writer jobs
 * are keyed by writer and mode, so pressing "Pull now" twice, or a schedule firing during a pull,
 * never piles up two syncs or two drafting runs for the same feed.
 */
export const queueSpecs: Record<QueueName, QueueSpec> = {
  "sync-posts": { concurrency: 2, retryLimit: 3, retryDelay: 30, expireInSeconds: 15 * 60 },
  "draft-posts": { concurrency: 2, retryLimit: 2, retryDelay: 60, expireInSeconds: 4 * 60 * 60 },
  // One at a time per worker: shadow drafts are never worth slowing live drafting down for.
  "shadow-drafts": { concurrency: 1, retryLimit: 1, retryDelay: 300, expireInSeconds: 4 * 60 * 60 },
  "revise-draft": { concurrency: 4, retryLimit: 3, retryDelay: 15, expireInSeconds: 10 * 60 },
  "refresh-notes": { concurrency: 1, retryLimit: 3, retryDelay: 60, expireInSeconds: 30 * 60 },
  "reconcile-submissions": { concurrency: 1, retryLimit: 3, retryDelay: 30, expireInSeconds: 10 * 60 },
};

export function writerJobKey(writer: { id: string; testMode: boolean }): string {
  return `${writer.id}:${writer.testMode ? "test" : "live"}`;
}
