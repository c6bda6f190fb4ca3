import "server-only";

import type { JobContext, JobHandler, JobOutput } from "../context";
import type { JobInput, JobPayload, WriterQueue } from "../queues";
import { sendWriterJob } from "../send";
import { findJobWriter, listJobWriters, type JobWriter } from "../writers";

/**
 * A handler for one writer's job. A payload without a writerId is a scheduled tick: it becomes one
 * job per writer (each keyed, so a writer whose previous job still waits is not queued twice).
 */
export function perWriter<Q extends WriterQueue>(
  queue: Q,
  run: (writer: JobWriter, data: JobPayload<Q>, ctx: JobContext) => Promise<JobOutput>,
): JobHandler<Q> {
  return async (data, ctx) => {
    if (data.writerId === undefined) {
      const writers = await listJobWriters(ctx.db);
      // The tick's payload, minus its missing writerId, is each writer's payload.
      for (const writer of writers) await sendWriterJob(ctx.queue, queue, writer, data as Omit<JobInput<Q>, "writerId">);
      return { fannedOutTo: writers.length };
    }
    const writer = await findJobWriter(ctx.db, data.writerId);
    if (!writer) return { skipped: "The writer no longer exists." };
    return run(writer, data, ctx);
  };
}
