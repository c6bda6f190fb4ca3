import "server-only";

import { DomainError } from "@/lib/errors";
import { refreshWrittenNotes } from "@/lib/notes/refresh";
import { appXClient } from "@/lib/x";

import { perWriter } from "./per-writer";

/**
 * Reads the writer's notes_written in both modes into Notedesk (lib/notes). A refresh already
 * running for the writer ("Refresh now", another worker) is this job's work too; a failed refresh
 * fails the job, so pg-boss retries it with backoff.
 */
export const refreshNotesJob = perWriter("refresh-notes", async (writer, data, ctx) => {
  let result;
  try {
    result = await refreshWrittenNotes({ writer, client: appXClient(), triggeredById: data.triggeredById, db: ctx.db });
  } catch (error) {
    if (error instanceof DomainError && error.code === "conflict") return { skipped: error.message };
    throw error;
  }
  if (result.state === "failed") throw new Error(`The notes refresh failed: ${result.errors.map((e) => e.message).join("; ")}`);
  return { runId: result.runId, counts: result.counts, production: result.production };
});
