import { TriagedOutList } from "@/components/triage/triaged-out-list";
import type { Overturn } from "@/components/triage/overturn-form";
import { EmptyState } from "@/components/ui/empty-state";
import { roleAtLeast } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import type { QueueCounts, QueuePage } from "@/lib/review/dto";
import type { QueueFilters } from "@/lib/review/queue-filters";
import type { TriagedOutPage } from "@/lib/triage/types";

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

/** What the queue page shows: a state's drafts, or the posts triage put out. */
export type QueueContent = { view: "drafts"; page: QueuePage } | { view: "triaged_out"; page: TriagedOutPage; overturn: Overturn };

/** The queue page: states with counts, filters, one keyset page of drafts; or the triaged-out posts. */
export function QueueView({ viewer, filters, content, counts, now }: { viewer: SessionUser; filters: QueueFilters; content: QueueContent; counts: QueueCounts; now: Date }) {
  const canReview = roleAtLeast(viewer.role, "reviewer");
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Queue</h1>
          <p className="text-sm text-zinc-500">
            {counts.states.ready.toLocaleString("en")} draft{counts.states.ready === 1 ? "" : "s"} ready for review
            {!canReview && " · read-only: reviewing needs the reviewer role"}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <ShortcutsHelp />
          {canReview && content.view === "drafts" && filters.state === "ready" && counts.states.ready > 0 && <StartReviewing filters={filters} />}
        </div>
      </div>
      <StateTabs filters={filters} counts={counts} />
      {content.view === "drafts" ? (
        <>
          <QueueFilterBar filters={filters} />
          {content.page.rows.length === 0 ? (
            <EmptyState title={filters.cursor ? "No more drafts on this page" : `No ${stateLabels[filters.state].toLowerCase()} drafts match`}>
              {filters.state === "ready"
                ? "New drafts arrive after a pull and a drafting run (Runs page). Changing the filters may show more."
                : "Try another state or clear the filters."}
            </EmptyState>
          ) : (
            <div className="rounded-lg border border-zinc-200 bg-white p-1 dark:border-zinc-800 dark:bg-zinc-900">
              <QueueList rows={forList(content.page.rows)} filters={filters} now={now} viewerId={viewer.id} />
            </div>
          )}
        </>
      ) : content.page.rows.length === 0 ? (
        <EmptyState title={filters.cursor ? "No more triaged-out posts on this page" : "No post is triaged out"}>
          Triage runs on every pull; posts it judges to hold nothing a note could check are listed here, with why.
        </EmptyState>
      ) : (
        <div className="rounded-lg border border-zinc-200 bg-white p-1 dark:border-zinc-800 dark:bg-zinc-900">
          <p className="px-3 pt-2 text-sm text-zinc-500">
            Posts triage judged to hold nothing a note could check, most urgent first. Put one back in with your reason, and the next drafting run drafts it.
          </p>
          <TriagedOutList rows={content.page.rows} now={now} overturn={canReview ? content.overturn : null} />
        </div>
      )}
      <Pagination filters={filters} nextCursor={content.page.nextCursor} />
    </div>
  );
}
