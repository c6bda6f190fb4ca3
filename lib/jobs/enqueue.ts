import "server-only";

import { getDb } from "@/lib/db";

import { getJobQueue } from "./client";
import { sendJob, sendWriterJob, type SendResult } from "./send";
import { requireWriter } from "./writers";

/**
 * What server actions call. They only queue work; a worker process runs it. `jobId: null` means an
 * identical job was already waiting, which the caller can tell the user.
 */

export async function enqueueSync(writerId: string, userId: string | null): Promise<SendResult> {
  const writer = await requireWriter(getDb(), writerId);
  return sendWriterJob(await getJobQueue(), "sync-posts", writer, { triggeredById: userId });
}

export async function enqueueDrafting(writerId: string, userId: string | null): Promise<SendResult> {
  const writer = await requireWriter(getDb(), writerId);
  return sendWriterJob(await getJobQueue(), "draft-posts", writer, { triggeredById: userId });
}

/** Keyed by draft: suggestions added while one revision waits are answered by that same job. */
export async function enqueueRevision(draftId: string, userId: string | null): Promise<SendResult> {
  return sendJob(await getJobQueue(), "revise-draft", { draftId, triggeredById: userId }, draftId);
}
