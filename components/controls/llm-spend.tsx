import { Badge } from "@/components/ui/badge";
import type { LlmBudgetStatus, SpendWindow } from "@/lib/costs/budgets";
import { formatMicros } from "@/lib/costs/money";

const spent = (window: SpendWindow) => (window.capMicros === null ? formatMicros(window.spentMicros) : `${formatMicros(window.spentMicros)} of ${formatMicros(window.capMicros)}`);

/** LLM spend per writer, today and this month (UTC), against the caps: for the Runs page and Settings. */
export function LlmSpend({ statuses }: { statuses: readonly LlmBudgetStatus[] }) {
  return (
    <table className="w-full text-left text-sm" data-testid="llm-spend">
      <thead className="text-zinc-500">
        <tr>
          <th className="py-1 font-medium">Writer</th>
          <th className="py-1 font-medium">Today</th>
          <th className="py-1 font-medium">This month</th>
          <th className="py-1 font-medium">Calls this month</th>
        </tr>
      </thead>
      <tbody>
        {statuses.map((status) => (
          <tr key={status.writerId} className="border-t border-zinc-100 dark:border-zinc-800">
            <td className="py-1.5">
              {status.writerName} {status.reached && <Badge tone="bad">{status.reached} budget reached</Badge>}
            </td>
            <td className="py-1.5 font-mono">{spent(status.today)}</td>
            <td className="py-1.5 font-mono">{spent(status.month)}</td>
            <td className="py-1.5">
              {status.calls}
              {status.unestimatedCalls > 0 && <span className="text-xs text-zinc-500"> ({status.unestimatedCalls} of unknown cost)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
