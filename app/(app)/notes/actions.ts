"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/auth/action";
import { DomainError } from "@/lib/errors";
import { refreshWrittenNotes } from "@/lib/notes/refresh";
import { summarizeRefresh } from "@/lib/notes/refresh-summary";
import { listWriters } from "@/lib/writers/store";
import { appXClient } from "@/lib/x";

const refreshInput = z.object({ writerId: z.string().min(1, { message: "Choose a writer." }) });

/**
 * "Refresh now". lib/jobs has no enqueue function for the refresh-notes queue, so the refresh runs
 * here, inline, and the button waits for it: a few seconds for a writer's notes (pages of 100, both
 * modes). It is still an exclusive, recorded run, so it shows on the Runs page and a scheduled
 * refresh running at the same moment makes this one answer "already in progress".
 */
export const refreshNotesAction = defineAction({ name: "notes.refresh", role: "reviewer", input: refreshInput }, async ({ writerId }, { user }) => {
  const writer = (await listWriters()).find((w) => w.id === writerId);
  if (!writer) throw new DomainError("not_found", "That writer no longer exists.");
  const result = await refreshWrittenNotes({ writer, client: appXClient(), triggeredById: user.id });
  revalidatePath("/notes");
  return summarizeRefresh(result);
});
