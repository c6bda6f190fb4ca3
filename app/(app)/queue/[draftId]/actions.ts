"use server";

import { z } from "zod";

import { defineAction } from "@/lib/auth/action";
import { enqueueDrafting, enqueueRevision } from "@/lib/jobs/enqueue";
import { regenerateDraft } from "@/lib/review/decisions";

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

/** "Regenerate": the draft goes back to the drafter and a drafting run is queued for its writer. */
export const regenerateAction = defineAction(
  {
    name: "queue.regenerate",
    role: "reviewer",
    input: z.object({ draftId: z.string().trim().min(1).max(64), expectedVersion: z.number().int().min(1) }),
  },
  async ({ draftId, expectedVersion }, { user }) => {
    const moved = await regenerateDraft(draftId, expectedVersion, user);
    await enqueueDrafting(moved.writerId, user.id);
    return { draftId: moved.draftId, state: moved.state, version: moved.version };
  },
);
