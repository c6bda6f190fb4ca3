import { z } from "zod";

import { cronProblem } from "./cron";

/**
 * What an admin can schedule, and the choices the editor offers. No server code here: the schedule
 * editor (a client component) and the server action validate with the same schema.
 */

export const scheduledQueues = ["sync-posts", "draft-posts", "refresh-notes", "reconcile-submissions"] as const;
export type ScheduledQueue = (typeof scheduledQueues)[number];

export const scheduleLabels: Record<ScheduledQueue, string> = {
  "sync-posts": "Pull eligible posts",
  "draft-posts": "Draft new posts",
  "refresh-notes": "Refresh written notes and scores",
  "reconcile-submissions": "Check unsettled submissions against X",
};

/** Times are UTC: the worker's scheduler runs every schedule in UTC. */
export const schedulePresets = [
  { cron: "*/5 * * * *", label: "every 5 minutes" },
  { cron: "*/10 * * * *", label: "every 10 minutes" },
  { cron: "*/15 * * * *", label: "every 15 minutes" },
  { cron: "*/30 * * * *", label: "every 30 minutes" },
  { cron: "0 * * * *", label: "hourly" },
  { cron: "0 */6 * * *", label: "every 6 hours" },
  { cron: "0 6 * * *", label: "daily at 06:00 UTC" },
] as const;

export function describeCron(cron: string): string {
  return schedulePresets.find((p) => p.cron === cron)?.label ?? `cron "${cron}" (UTC)`;
}

export const scheduleInputSchema = z.object({
  queue: z.enum(scheduledQueues),
  /** null turns the schedule off. */
  cron: z
    .string()
    .trim()
    .nullable()
    .superRefine((cron, ctx) => {
      const problem = cron === null ? null : cronProblem(cron);
      if (problem) ctx.addIssue({ code: "custom", message: `Not a schedule: ${problem}.` });
    }),
  /** Pulls only: queue a drafting run after each scheduled pull that leaves posts to draft. */
  draftAfter: z.boolean().default(false),
});

export type ScheduleInput = z.input<typeof scheduleInputSchema>;
export type ScheduleSetting = z.output<typeof scheduleInputSchema>;

export type ScheduleDto = { queue: ScheduledQueue; label: string; cron: string | null; draftAfter: boolean; updatedAt: string | null };

/** What a fresh installation runs until an admin changes it: a live desk without setup. */
export const defaultSchedules: ScheduleSetting[] = [
  { queue: "sync-posts", cron: "*/15 * * * *", draftAfter: true },
  { queue: "refresh-notes", cron: "0 * * * *", draftAfter: false },
  { queue: "reconcile-submissions", cron: "*/10 * * * *", draftAfter: false },
];
