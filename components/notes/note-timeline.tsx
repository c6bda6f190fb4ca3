import type { NoteSnapshotDto } from "@/lib/notes/detail";

import { BucketBadge } from "./bucket-badge";
import { formatIso } from "./format";
import { StatusBadge } from "./status-badge";

/** Every change a refresh observed, oldest first: a row per snapshot, never a row per poll. */
export function NoteTimeline({ timeline }: { timeline: NoteSnapshotDto[] }) {
  return (
    <table className="w-full text-left text-sm" data-testid="note-timeline">
      <thead className="text-xs text-zinc-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Observed</th>
          <th className="py-1 pr-3 font-medium">Status</th>
          <th className="py-1 pr-3 font-medium">ClaimOpinion</th>
          <th className="py-1 pr-3 font-medium">UrlValidity</th>
          <th className="py-1 pr-3 font-medium">HarassmentAbuse</th>
          <th className="py-1 font-medium">Other results</th>
        </tr>
      </thead>
      <tbody>
        {timeline.map((snapshot) => (
          <tr key={snapshot.observedAt} className="border-t border-zinc-100 dark:border-zinc-800">
            <td className="py-1.5 pr-3 text-xs whitespace-nowrap text-zinc-500">{formatIso(snapshot.observedAt)}</td>
            <td className="py-1.5 pr-3">
              <StatusBadge status={snapshot.status} />
            </td>
            <td className="py-1.5 pr-3">
              <BucketBadge bucket={snapshot.claimOpinion} />
              {snapshot.claimOpinionScore !== null && <span className="ml-1 text-xs text-zinc-500">score {snapshot.claimOpinionScore}</span>}
            </td>
            <td className="py-1.5 pr-3">
              <BucketBadge bucket={snapshot.urlValidity} />
            </td>
            <td className="py-1.5 pr-3">
              <BucketBadge bucket={snapshot.harassmentAbuse} />
            </td>
            <td className="py-1.5 text-xs text-zinc-500">
              {snapshot.results
                .filter((r) => r.score !== null)
                .map((r) => `${r.type} ${r.score}`)
                .join(" · ") || "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
