import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ApprovalsRemaining } from "@/lib/notes/approvals-remaining";
import { writingLimitRuleText } from "@/lib/notes/writing-limit";
import type { HitRateWindow } from "@/lib/notes/writing-limit-read";

import { formatPercent } from "./format";

const rate = (value: number) => formatPercent(value, 1);
const working = (w: HitRateWindow) => `(${w.helpful} CRH − ${w.notHelpful} CRNH) / ${w.notes}`;

/** X's published daily writing limit, worked out from the production notes Notedesk has seen. */
export function WritingLimitCard({ approvals, writerInProduction }: { approvals: ApprovalsRemaining; writerInProduction: boolean }) {
  const { estimate, used, remaining, limit } = approvals;
  const { inputs, windows } = estimate;
  const rows: [string, string, string][] = [
    ["NH_5", String(inputs.NH_5), "not helpful among the last 5 rated notes"],
    ["NH_10", String(inputs.NH_10), "not helpful among the last 10 rated notes"],
    ["HR_R", rate(inputs.HR_R), `last 20 notes: ${working(windows.recent)}`],
    ["HR_100", rate(inputs.HR_100), `last 100 notes: ${working(windows.last100)}`],
    ["HR_14d", rate(inputs.HR_14d), `rated notes of the last 14 days: ${working(windows.last14d)}`],
    ["HR_L", rate(estimate.HR_L), "max(HR_100, HR_14d)"],
    ["WL_L", estimate.WL_L.toFixed(1), "what the hit rate allows"],
    ["DN_30", inputs.DN_30.toFixed(2), `${estimate.notesLast30d} notes in 30 days / 30`],
    ["T", String(inputs.T), "production notes in all"],
  ];
  return (
    <Card title="Daily writing limit" actions={<Badge tone="warn">estimate</Badge>}>
      <div className="flex flex-wrap items-end gap-6" data-testid="writing-limit">
        <div>
          <div className="text-3xl font-semibold tabular-nums">≈ {limit}</div>
          <div className="text-xs text-zinc-500">production notes a day</div>
        </div>
        <div className="text-sm">
          <div>
            {used} approved in the last 24 h · <span className="font-medium">{remaining} left</span>
          </div>
          <div className="text-xs text-zinc-500">Decided by: {writingLimitRuleText[estimate.rule]}</div>
        </div>
      </div>
      <table className="mt-3 w-full text-left text-xs">
        <tbody>
          {rows.map(([name, value, meaning]) => (
            <tr key={name} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-1 pr-2 font-mono">{name}</td>
              <td className="py-1 pr-2 text-right tabular-nums">{value}</td>
              <td className="py-1 text-zinc-500">{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-zinc-500">
        X does not report this limit; Notedesk applies X&apos;s published formula to what notes_written shows. It cannot see rating
        counts, so HR_14d leaves out every note still without a status (X leaves out those with fewer than 10 ratings), and
        &ldquo;rated&rdquo; notes are ordered by when a refresh first saw their status.
        {!writerInProduction && " The limit applies to production notes; this writer is in test mode."}
      </p>
    </Card>
  );
}
