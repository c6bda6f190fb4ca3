import "server-only";

import { currentStop } from "@/lib/controls/emergency-stop";

import type { JobHandler, JobHandlers } from "../context";
import type { QueueName } from "../queues";

/**
 * The emergency stop pauses every job, scheduled or not: a job that starts while it is on does
 * nothing and says why, and the schedule brings it back once the stop is lifted.
 */
export function pausedByEmergencyStop(handlers: JobHandlers): JobHandlers {
  const guarded: JobHandlers = {};
  for (const name of Object.keys(handlers) as QueueName[]) {
    const handler = handlers[name] as JobHandler<typeof name> | undefined;
    if (!handler) continue;
    (guarded as Record<QueueName, JobHandler<typeof name>>)[name] = async (data, ctx) => {
      const stop = await currentStop(ctx.db);
      if (stop) return { skipped: `Emergency stop: ${stop.reason}` };
      return handler(data, ctx);
    };
  }
  return guarded;
}
