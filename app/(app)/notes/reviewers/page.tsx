import type { Metadata } from "next";

import { NotesTabs } from "@/components/notes/notes-tabs";
import { OutcomeTable } from "@/components/notes/outcome-table";
import { RangeLinks } from "@/components/notes/range-links";
import { ReviewerTable } from "@/components/notes/reviewer-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/session";
import { exportHref, parseNotesQuery } from "@/lib/notes/filters";
import { reviewerMetrics } from "@/lib/notes/reviewer-metrics";
import { notesWriter } from "@/lib/notes/writer";

export const metadata: Metadata = { title: "Reviewers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewersPage({ searchParams }: Props) {
  await requirePageRole("viewer", "/notes/reviewers");
  const query = parseNotesQuery(await searchParams);
  const { writer } = await notesWriter(query.writer);
  if (!writer) return <EmptyState title="No writer yet">Add an AI Note Writer account in Settings.</EmptyState>;
  const metrics = await reviewerMetrics(writer.id, query.range);
  const exportLink = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Notes</h1>
        <div className="flex gap-2">
          <a className={exportLink} href={exportHref(query, "csv", "decisions")} download>
            Export decisions (CSV)
          </a>
          <a className={exportLink} href={exportHref(query, "json", "decisions")} download>
            JSON
          </a>
        </div>
      </div>
      <NotesTabs query={query} active="reviewers" />
      <Card title="Reviewers" actions={<RangeLinks query={query} path="/notes/reviewers" />}>
        {metrics.reviewers.length > 0 ? (
          <ReviewerTable reviewers={metrics.reviewers} />
        ) : (
          <EmptyState title="No decisions in this range">Approvals, rejections and skips in the queue show here.</EmptyState>
        )}
        {metrics.editedPairsCapped && <p className="mt-2 text-xs text-zinc-500">Words changed is measured over the {metrics.editedPairs.toLocaleString("en")} most recent edited notes.</p>}
      </Card>
      <Card title="Do edits help? Outcomes by draft">
        <p className="mb-3 text-xs text-zinc-500">
          Notes written in this range, grouped by whether the AI&apos;s draft went out as it was. Buckets cover both modes; statuses only production.
        </p>
        {metrics.outcomes.length > 0 ? <OutcomeTable outcomes={metrics.outcomes} /> : <EmptyState title="No notes in this range" />}
      </Card>
    </div>
  );
}
