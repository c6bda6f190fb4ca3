import { EmptyState } from "@/components/ui/empty-state";
import { roleAtLeast } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import type { DraftCounts, QueuePage } from "@/lib/review/dto";
import type { QueueFilters } from "@/lib/review/queue-filters";

import { ShortcutsHelp } from "../keyboard/shortcuts-help";
import { stateLabels } from "../labels";
import { Pagination } from "./pagination";
import { QueueFilterBar } from "./queue-filter-bar";
import { QueueList } from "./queue-list";
import { StartReviewing } from "./start-reviewing";
import { StateTabs } from "./state-tabs";

/** A row shows one line of the note; the rest stays on the server rather than in the page's payload. */
const NOTE_PREVIEW = 160;

function forList(rows: QueuePage["rows"]): QueuePage["rows"] {
  return rows.map((row) => (row.currentRevision ? { ...row, currentRevision: { ...row.currentRevision, text: row.currentRevision.text.slice(0, NOTE_PREVIEW) } } : row));
}

/** The queue page: states with counts, filters, one keyset page of drafts. */
export function QueueView({ viewer, filters, page, counts, now }: { viewer: SessionUser; filters: QueueFilters; page: QueuePage; counts: DraftCounts; now: Date }) {
  const canReview = roleAtLeast(viewer.role, "reviewer");
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Queue</h1>
          <p className="text-sm text-zinc-500">
            {counts.ready.toLocaleString("en")} draft{counts.ready === 1 ? "" : "s"} ready for review
            {!canReview && " · read-only: reviewing needs the reviewer role"}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <ShortcutsHelp />
          {canReview && filters.state === "ready" && counts.ready > 0 && <StartReviewing filters={filters} />}
        </div>
      </div>
      <StateTabs filters={filters} counts={counts} />
      <QueueFilterBar filters={filters} />
      {page.rows.length === 0 ? (
        <EmptyState title={filters.cursor ? "No more drafts on this page" : `No ${stateLabels[filters.state].toLowerCase()} drafts match`}>
          {filters.state === "ready"
            ? "New drafts arrive after a pull and a drafting run (Runs page). Changing the filters may show more."
            : "Try another state or clear the filters."}
        </EmptyState>
      ) : (
        <div className="rounded-lg border border-zinc-200 bg-white p-1 dark:border-zinc-800 dark:bg-zinc-900">
          <QueueList rows={forList(page.rows)} filters={filters} now={now} viewerId={viewer.id} />
        </div>
      )}
      <Pagination filters={filters} nextCursor={page.nextCursor} />
    </div>
  );
}
