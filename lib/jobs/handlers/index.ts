import "server-only";

import type { JobHandlers } from "../context";
import { draftPostsJob } from "./draft-posts";
import { refreshNotesJob } from "./refresh-notes";
import { reviseDraftJob } from "./revise-draft";
import { syncPostsJob } from "./sync-posts";

/**
 * The code behind each queue. One queue is a hook for another area, listed so the worker can say
 * its jobs are waiting for code:
 *   reconcile-submissions  → lib/submission (recover stuck submissions), payload { triggeredById }
 * Plug one in by adding it here, e.g. `"reconcile-submissions": reconcileSubmissionsJob`.
 */
export const jobHandlers: JobHandlers = {
  "sync-posts": syncPostsJob,
  "draft-posts": draftPostsJob,
  "revise-draft": reviseDraftJob,
  "refresh-notes": refreshNotesJob,
};
