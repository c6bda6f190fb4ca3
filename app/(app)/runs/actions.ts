"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { getJobQueue } from "@/lib/jobs/client";
import { enqueueDrafting, enqueueSync } from "@/lib/jobs/enqueue";
import { scheduleInputSchema } from "@/lib/jobs/schedules/schedule-input";
import { listSchedules, saveSchedule } from "@/lib/jobs/schedules/store";

const writerInput = z.object({ writerId: z.string().min(1, { message: "Choose a writer." }) });

/** `queued: false`: the same job was already waiting, so nothing new was added. */
export const pullNowAction = defineAction({ name: "runs.pull", role: "reviewer", input: writerInput }, async ({ writerId }, { user }) => {
  const { jobId } = await enqueueSync(writerId, user.id);
  return { queued: jobId !== null };
});

export const draftNowAction = defineAction({ name: "runs.draft", role: "reviewer", input: writerInput }, async ({ writerId }, { user }) => {
  const { jobId } = await enqueueDrafting(writerId, user.id);
  return { queued: jobId !== null };
});

export const saveScheduleAction = defineAction({ name: "runs.schedule", role: "admin", input: scheduleInputSchema }, async (setting, { user }) => {
  const queue = await getJobQueue();
  await saveSchedule(queue, getDb(), setting, user.id);
  revalidatePath("/runs");
  return listSchedules(queue);
});
