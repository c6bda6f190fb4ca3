import { formatDuration } from "@/lib/insights/duration";
import type { ReviewerRowDto } from "@/lib/notes/reviewer-metrics";

import { formatPercent } from "./format";

const share = (part: number, whole: number) => formatPercent(whole === 0 ? null : part / whole);
const words = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/** Per reviewer: how they decide, how fast, and how much of the AI's wording they keep. */
export function ReviewerTable({ reviewers }: { reviewers: ReviewerRowDto[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="reviewer-table">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Reviewer</th>
            <th className="py-2 pr-3 text-right font-medium">Decisions</th>
            <th className="py-2 pr-3 text-right font-medium">Approve</th>
            <th className="py-2 pr-3 text-right font-medium">Reject</th>
            <th className="py-2 pr-3 text-right font-medium">Skip</th>
            <th className="py-2 pr-3 text-right font-medium" title="median time from the AI's draft to the approval or rejection">Time in queue</th>
            <th className="py-2 pr-3 text-right font-medium" title="of the notes they approved that began as an AI draft">Approved unedited</th>
            <th className="py-2 text-right font-medium" title="words inserted, deleted or replaced, over the notes they edited (median / mean)">Words changed</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {reviewers.map((r) => (
            <tr key={r.id} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-2 pr-3">{r.name}</td>
              <td className="py-2 pr-3 text-right">{r.decisions}</td>
              <td className="py-2 pr-3 text-right">{share(r.approved, r.decisions)}</td>
              <td className="py-2 pr-3 text-right">{share(r.rejected, r.decisions)}</td>
              <td className="py-2 pr-3 text-right">{share(r.skipped, r.decisions)}</td>
              <td className="py-2 pr-3 text-right">{formatDuration(r.medianQueueSeconds)}</td>
              <td className="py-2 pr-3 text-right">
                {share(r.approvedUnedited, r.approvedFromAi)} <span className="text-xs text-zinc-500">of {r.approvedFromAi}</span>
              </td>
              <td className="py-2 text-right">
                {words(r.medianWordsChanged)} / {words(r.meanWordsChanged)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
