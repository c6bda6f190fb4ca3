import { Badge } from "@/components/ui/badge";
import { ADMISSION_WINDOW, type AdmissionProgress } from "@/lib/notes/admission";

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** X's admission bars over the writer's last 50 test notes, as the switch to production shows them. */
export function AdmissionSummary({ admission }: { admission: AdmissionProgress }) {
  return (
    <div className="flex flex-col gap-2" data-testid="admission-progress">
      <p className="text-sm">
        {admission.notes} of the last {ADMISSION_WINDOW} test-mode notes counted.{" "}
        {admission.meetsRule ? (
          <Badge tone="good">meets X&apos;s admission rule</Badge>
        ) : (
          <Badge tone="warn">does not meet X&apos;s admission rule yet</Badge>
        )}
      </p>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-0.5 font-medium">Bar</th>
            <th className="py-0.5 font-medium">Now</th>
            <th className="py-0.5 font-medium">Scored</th>
            <th className="py-0.5 font-medium">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {admission.bars.map((bar) => (
            <tr key={bar.id} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-1">
                {bar.evaluator} {bar.bucket} {bar.comparison === "at_least" ? "≥" : "≤"} {bar.percent}%
              </td>
              <td className="py-1 font-mono">{percent(bar.share)}</td>
              <td className="py-1 font-mono">{bar.counted}</td>
              <td className="py-1">
                {bar.passes === null ? <Badge>not scored yet</Badge> : bar.passes ? <Badge tone="good">passes</Badge> : <Badge tone="bad">fails</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!admission.meetsRule && (
        <p className="text-xs text-zinc-500">
          X admits writers by email once their last {ADMISSION_WINDOW} test notes meet every bar; until then X refuses production calls, and every submission in
          production mode will fail.
        </p>
      )}
    </div>
  );
}
