import type { Metadata } from "next";

import { LlmSpend } from "@/components/controls/llm-spend";
import { RunControls } from "@/components/runs/run-controls";
import { RunsBoard } from "@/components/runs/runs-board";
import { RunsFilterBar } from "@/components/runs/runs-filter";
import { ScheduleEditor } from "@/components/runs/schedule-editor";
import { Card } from "@/components/ui/card";
import { roleAtLeast } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { llmBudgetStatuses } from "@/lib/costs/budgets";
import { getJobQueue } from "@/lib/jobs/client";
import { listSchedules } from "@/lib/jobs/schedules/store";
import { parseRunsFilter } from "@/lib/runs/filter";
import { loadRunsSnapshot } from "@/lib/runs/snapshot";
import { listWriters } from "@/lib/writers/store";

import { draftNowAction, pullNowAction, saveScheduleAction } from "./actions";

export const metadata: Metadata = { title: "Runs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunsPage({ searchParams }: Props) {
  const user = await requirePageRole("viewer", "/runs");
  const isAdmin = roleAtLeast(user.role, "admin");
  const filter = parseRunsFilter(await searchParams);
  const [snapshot, writers, spend, schedules] = await Promise.all([
    loadRunsSnapshot(filter),
    listWriters(),
    llmBudgetStatuses(),
    isAdmin ? getJobQueue().then(listSchedules) : null,
  ]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Runs</h1>
        {roleAtLeast(user.role, "reviewer") && (
          <RunControls writers={writers} actions={{ pull: pullNowAction, draft: draftNowAction }} />
        )}
      </div>
      <RunsFilterBar current={filter} writers={writers} />
      <RunsBoard initial={snapshot} filter={filter} />
      <Card title="LLM spend (UTC)">
        <LlmSpend statuses={spend} />
      </Card>
      {schedules && (
        <Card title="Schedules (UTC)">
          <ScheduleEditor initial={schedules} action={saveScheduleAction} />
        </Card>
      )}
    </div>
  );
}
