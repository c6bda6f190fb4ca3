import "server-only";

import { getDb } from "@/lib/db";
import { getJobQueue } from "@/lib/jobs/client";
import { listWaitingJobs, type WaitingJobDto } from "@/lib/jobs/waiting";

import type { RunsFilter } from "./kinds";
import { listRecentRuns, type RunDto } from "./queries";

/** What the Runs page shows and polls: recent runs (those the filter lets through), and jobs queued but not started yet. */
export type RunsSnapshot = { runs: RunDto[]; waiting: WaitingJobDto[] };

export async function loadRunsSnapshot(filter: RunsFilter = {}): Promise<RunsSnapshot> {
  // Opening the job queue creates pg-boss's tables on a database no worker has opened yet.
  await getJobQueue();
  const [runs, waiting] = await Promise.all([listRecentRuns(filter), listWaitingJobs(getDb())]);
  return { runs, waiting };
}
