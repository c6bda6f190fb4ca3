import "server-only";

import type { JobHandlers } from "../context";
import { draftPostsJob } from "./draft-posts";
import { pausedByEmergencyStop } from "./paused-by-stop";
import { reconcileSubmissionsJob } from "./reconcile-submissions";
import { refreshNotesJob } from "./refresh-notes";
import { reviseDraftJob } from "./revise-draft";
import { shadowDraftsJob } from "./shadow-drafts";
import { syncPostsJob } from "./sync-posts";

/** The code behind each queue; none of it runs while the emergency stop is on. */
export const jobHandlers: JobHandlers = pausedByEmergencyStop({
  "sync-posts": syncPostsJob,
  "draft-posts": draftPostsJob,
  "shadow-drafts": shadowDraftsJob,
  "revise-draft": reviseDraftJob,
  "refresh-notes": refreshNotesJob,
  "reconcile-submissions": reconcileSubmissionsJob,
});
