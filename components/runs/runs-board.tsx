"use client";

import { useQuery } from "@tanstack/react-query";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { RunsFilter } from "@/lib/runs/kinds";
import type { RunsSnapshot } from "@/lib/runs/snapshot";

import { RunRow } from "./run-row";
import { ACTIVE_POLL_MS, fetchRuns, IDLE_POLL_MS, isBusy, runsQueryKeyFor } from "./runs-query";
import { WaitingJobs } from "./waiting-jobs";

/** The live list of the runs the filter lets through: polls fast while anything runs or waits, slowly otherwise. */
export function RunsBoard({ initial, filter }: { initial: RunsSnapshot; filter: RunsFilter }) {
  const filtered = Boolean(filter.kind || filter.writer);
  const { data, error, dataUpdatedAt } = useQuery({
    queryKey: runsQueryKeyFor(filter),
    queryFn: () => fetchRuns(filter),
    initialData: initial,
    initialDataUpdatedAt: Date.now,
    refetchInterval: (query) => (isBusy(query.state.data) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });

  // The clock of the last refresh: durations of running runs advance with each poll.
  const now = dataUpdatedAt;
  return (
    <div className="flex flex-col gap-4">
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not refresh the runs: {error.message} Showing what was last loaded.
        </p>
      )}
      {data.waiting.length > 0 && <WaitingJobs jobs={data.waiting} now={now} />}
      {data.runs.length === 0 && filtered ? (
        <EmptyState title="No runs match">Choose “all kinds” or “all writers” to see the others.</EmptyState>
      ) : data.runs.length === 0 ? (
        <EmptyState title="No runs yet">
          “Pull now” fetches the posts X says are eligible for notes; “Draft new posts” drafts the ones without a draft. A
          worker runs them: <code>npm run worker</code> (the demo starts one).
        </EmptyState>
      ) : (
        <Card title="Recent runs">
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-live="polite">
            {data.runs.map((run) => (
              <RunRow key={run.id} run={run} now={now} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
