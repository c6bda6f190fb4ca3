import Link from "next/link";

import type { QueueCounts } from "@/lib/review/dto";
import type { QueueFilters } from "@/lib/review/queue-filters";

import { stateLabels, stateTabOrder } from "../labels";
import { queueHref } from "../queue-url";

const tab = (active: boolean) =>
  `-mb-px flex items-center gap-1.5 border-b-2 px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-500 ${active ? "border-zinc-900 font-medium dark:border-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"}`;

/**
 * One tab per state with its count, each what its list shows; empty states other than the current
 * one are left out to keep the row short. Last, the posts triage put out, counted as posts.
 */
export function StateTabs({ filters, counts }: { filters: QueueFilters; counts: QueueCounts }) {
  const triagedOut = filters.view === "triaged_out";
  const shown = stateTabOrder.filter((state) => state === filters.state || state === "ready" || counts.states[state] > 0);
  return (
    <nav aria-label="Draft states" className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {shown.map((state) => {
        const active = !triagedOut && state === filters.state;
        return (
          <Link
            key={state}
            href={queueHref(filters, { state, view: "drafts", cursor: undefined })}
            aria-current={active ? "page" : undefined}
            className={tab(active)}
          >
            {stateLabels[state]}
            <Count testId={`count-${state}`} value={counts.states[state]} />
          </Link>
        );
      })}
      <Link href={queueHref(filters, { view: "triaged_out", cursor: undefined })} aria-current={triagedOut ? "page" : undefined} className={tab(triagedOut)}>
        Triaged out
        <Count testId="count-triaged-out" value={counts.triagedOut} />
      </Link>
    </nav>
  );
}

function Count({ testId, value }: { testId: string; value: number }) {
  return (
    <span className="rounded-full bg-zinc-100 px-1.5 text-xs tabular-nums text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" data-testid={testId}>
      {value.toLocaleString("en")}
    </span>
  );
}
