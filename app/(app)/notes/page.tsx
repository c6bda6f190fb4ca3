import type { Metadata } from "next";

import { AdmissionCard } from "@/components/notes/admission-card";
import { BucketTrendCharts } from "@/components/notes/charts/bucket-trend-charts";
import { HelpfulShareChart } from "@/components/notes/charts/helpful-share-chart";
import { ScoreBucketChart } from "@/components/notes/charts/score-bucket-chart";
import { StatusTrendChart } from "@/components/notes/charts/status-trend-chart";
import { LastRefreshLine } from "@/components/notes/last-refresh-line";
import { NotesFilters } from "@/components/notes/notes-filters";
import { NotesPager } from "@/components/notes/notes-pager";
import { NotesTable } from "@/components/notes/notes-table";
import { NotesTabs } from "@/components/notes/notes-tabs";
import { RangeLinks } from "@/components/notes/range-links";
import { RefreshButton } from "@/components/notes/refresh-button";
import { WritingLimitCard } from "@/components/notes/writing-limit-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { roleAtLeast } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { readAdmissionProgress } from "@/lib/notes/admission-read";
import { approvalsRemainingToday } from "@/lib/notes/approvals-remaining";
import { notesCharts } from "@/lib/notes/charts";
import { exportHref, hasFilters, parseNotesQuery, viewOf } from "@/lib/notes/filters";
import { lastRefresh } from "@/lib/notes/last-refresh";
import { listNotes, notesFilterOptions } from "@/lib/notes/list";
import { notesWriter } from "@/lib/notes/writer";

import { refreshNotesAction } from "./actions";

export const metadata: Metadata = { title: "Notes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotesPage({ searchParams }: Props) {
  const user = await requirePageRole("viewer", "/notes");
  const query = parseNotesQuery(await searchParams);
  const { writer, writers } = await notesWriter(query.writer);
  if (!writer) {
    return <EmptyState title="No writer yet">Add an AI Note Writer account in Settings; its notes will show here.</EmptyState>;
  }

  const [page, options, admission, approvals, charts, refresh] = await Promise.all([
    listNotes(writer.id, query),
    notesFilterOptions(writer.id),
    readAdmissionProgress(writer.id),
    approvalsRemainingToday(writer.id),
    notesCharts(writer.id, query),
    lastRefresh(writer.id),
  ]);
  const inProduction = !writer.testMode;
  const filtered = hasFilters(query);
  const exportLink = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col">
          <h1 className="text-xl font-semibold">Notes</h1>
          <LastRefreshLine refresh={refresh} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a className={exportLink} href={exportHref(query, "csv", "notes")} download>
            Export CSV
          </a>
          <a className={exportLink} href={exportHref(query, "json", "notes")} download>
            Export JSON
          </a>
          {roleAtLeast(user.role, "reviewer") && <RefreshButton writerId={writer.id} action={refreshNotesAction} />}
        </div>
      </div>
      <NotesTabs query={query} active="notes" />

      <div className="grid gap-4 lg:grid-cols-2">
        <AdmissionCard progress={admission} writerInProduction={inProduction} />
        <WritingLimitCard approvals={approvals} writerInProduction={inProduction} />
      </div>

      <Card title="Score history" actions={<RangeLinks query={query} path="/notes" />}>
        <div className="flex flex-col gap-6">
          <BucketTrendCharts data={charts.buckets} />
          <div className="grid gap-4 lg:grid-cols-3">
            <StatusTrendChart data={charts.statuses} />
            <HelpfulShareChart data={charts.helpful} />
            <ScoreBucketChart data={charts.scores} />
          </div>
        </div>
      </Card>

      <Card title="Written notes">
        <div className="flex flex-col gap-3">
          <NotesFilters current={{ ...viewOf(query), writer: writer.id }} options={options} writers={writers} />
          {page.rows.length > 0 ? (
            <NotesTable rows={page.rows} />
          ) : (
            <EmptyState title={filtered ? "No notes match" : "No notes yet"}>
              {filtered ? "Change the filters, or refresh to read new notes from X." : "Notes this writer submits to X appear here after a refresh."}
            </EmptyState>
          )}
          <NotesPager query={query} page={page} />
        </div>
      </Card>
    </div>
  );
}
