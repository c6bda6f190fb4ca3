"use server";

import { z } from "zod";

import { defineAction } from "@/lib/auth/action";
import { enqueueRevision } from "@/lib/jobs/enqueue";

/**
 * "Ask for a revision": queues the AI revision that answers the draft's pending suggestions. The
 * revision job is keyed by draft, so asking twice while one waits queues nothing new.
 */
export const askForRevisionAction = defineAction(
  { name: "queue.askForRevision", role: "reviewer", input: z.object({ draftId: z.string().trim().min(1).max(64) }) },
  async ({ draftId }, { user }) => {
    const { jobId } = await enqueueRevision(draftId, user.id);
    return { queued: jobId !== null };
  },
);
