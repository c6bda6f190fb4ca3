import "server-only";

import type { JobQueue } from "./boss";
import { writerJobKey, type JobInput, type QueueName, type WriterQueue } from "./queues";

/** The id of the new job, or null when one with the same key is already waiting (stately queues). */
export type SendResult = { jobId: string | null };

export async function sendJob<Q extends QueueName>(
  queue: JobQueue,
  name: Q,
  data: JobInput<Q>,
  singletonKey?: string,
): Promise<SendResult> {
  const jobId = await queue.send(name, data, singletonKey ? { singletonKey } : {});
  return { jobId };
}

/** One writer's job, keyed by writer and mode so the feed never has two waiting. */
export function sendWriterJob<Q extends WriterQueue>(
  queue: JobQueue,
  name: Q,
  writer: { id: string; testMode: boolean },
  data: Omit<JobInput<Q>, "writerId">,
): Promise<SendResult> {
  return sendJob(queue, name, { ...data, writerId: writer.id } as JobInput<Q>, writerJobKey(writer));
}
