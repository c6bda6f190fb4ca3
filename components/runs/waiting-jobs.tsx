import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { WaitingJobDto } from "@/lib/jobs/waiting";

import { formatDuration, queueLabels } from "./format";

/** Past this, a job nobody took suggests no worker is running. */
const UNATTENDED_AFTER_MS = 60_000;

export function WaitingJobs({ jobs, now }: { jobs: WaitingJobDto[]; now: number }) {
  const unattended = jobs.some((job) => job.state === "created" && now - Date.parse(job.startAfter) > UNATTENDED_AFTER_MS);
  return (
    <Card title="Waiting for a worker">
      <ul className="flex flex-col gap-1 text-sm" data-testid="waiting-jobs">
        {jobs.map((job) => (
          <li key={job.id} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{queueLabels[job.queue]}</span>
            {job.writerName && <span className="text-zinc-600 dark:text-zinc-400">{job.writerName}</span>}
            {job.state === "retry" && <Badge tone="warn">retry {job.retryCount}</Badge>}
            <span className="ml-auto text-xs text-zinc-500" suppressHydrationWarning>
              {Date.parse(job.startAfter) > now
                ? `starts in ${formatDuration(Date.parse(job.startAfter) - now)}`
                : `waiting ${formatDuration(now - Date.parse(job.createdAt))}`}
            </span>
          </li>
        ))}
      </ul>
      {unattended && (
        <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">
          Nothing has picked these up for over a minute: is a worker running? Start one with <code>npm run worker</code>.
        </p>
      )}
    </Card>
  );
}
