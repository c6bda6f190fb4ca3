import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DraftPromptVersion } from "@/lib/drafting/prompts/build-request";
import type { VariantStatus } from "@/lib/variants/dto";
import type { VariantStanding } from "@/lib/variants/standings";

import { VariantControls, type VariantActions } from "./variant-controls";

const statusTone: Record<VariantStatus, BadgeTone> = { live: "good", shadow: "info", off: "neutral" };

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * One writer's variants: what each is, what it has drafted, its Bradley–Terry rating from blind
 * comparisons with a 95 % interval, and how often its live drafts were approved exactly as drafted.
 */
export function VariantStandings({
  variants,
  promptVersions,
  actions,
}: {
  variants: VariantStanding[];
  promptVersions: readonly DraftPromptVersion[];
  /** Only for admins. */
  actions: VariantActions | null;
}) {
  const liveName = variants.find((v) => v.status === "live")?.name ?? null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-zinc-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Variant</th>
            <th className="py-1 pr-3 font-medium">Drafts</th>
            <th className="py-1 pr-3 font-medium" title="Bradley–Terry on the Elo scale: 1500 is average, +120 is 2-to-1 odds of being preferred">
              Rating (95% interval)
            </th>
            <th className="py-1 pr-3 font-medium">Approved as drafted</th>
            {actions && <th className="py-1 font-medium">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {variants.map((variant) => (
            <tr key={variant.id} className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid={`variant-${variant.name}`}>
              <td className="py-2 pr-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{variant.name}</span>
                  <Badge tone={statusTone[variant.status]}>{variant.status}</Badge>
                </div>
                <p className="text-xs text-zinc-500">
                  {variant.promptVersion} · {variant.modelLabel} · temperature {variant.temperature}
                </p>
                {variant.problem && <p className="text-xs text-red-700 dark:text-red-400">{variant.problem}</p>}
              </td>
              <td className="py-2 pr-3 text-xs">
                <p>{variant.counts.liveDrafts} live</p>
                <p className="text-zinc-500">
                  {variant.counts.shadowNotes} shadow notes, {variant.counts.shadowAbstentions} abstentions
                  {variant.counts.shadowFailures > 0 && `, ${variant.counts.shadowFailures} failed`}
                </p>
              </td>
              <td className="py-2 pr-3">
                {variant.ranking.comparisons === 0 ? (
                  <span className="text-xs text-zinc-500">not compared yet</span>
                ) : (
                  <>
                    <p className="tabular-nums">
                      <span className="font-medium">{Math.round(variant.ranking.rating)}</span>{" "}
                      <span className="text-xs text-zinc-500">
                        ({Math.round(variant.ranking.interval.low)}–{Math.round(variant.ranking.interval.high)})
                      </span>
                    </p>
                    <p className="text-xs text-zinc-500">
                      {variant.ranking.comparisons} comparisons: {variant.ranking.wins} won, {variant.ranking.losses} lost, {variant.ranking.ties} about the same
                    </p>
                  </>
                )}
                {variant.fewComparisons && variant.ranking.comparisons > 0 && (
                  <Badge tone="warn">few comparisons: the rating can still move a lot</Badge>
                )}
              </td>
              <td className="py-2 pr-3">
                {variant.approval.rate === null ? (
                  <span className="text-xs text-zinc-500">no decided live drafts</span>
                ) : (
                  <>
                    <p className="tabular-nums">
                      <span className="font-medium">{percent(variant.approval.rate)}</span>{" "}
                      {variant.approval.interval && (
                        <span className="text-xs text-zinc-500">
                          ({percent(variant.approval.interval.low)}–{percent(variant.approval.interval.high)})
                        </span>
                      )}
                    </p>
                    <p className="text-xs text-zinc-500">
                      {variant.approval.asDrafted} of {variant.approval.decided} decided ({variant.approval.approved} approved
                      {variant.approval.medianWordsEdited !== null && `, median ${variant.approval.medianWordsEdited} words edited`})
                    </p>
                  </>
                )}
              </td>
              {actions && (
                <td className="py-2">
                  <VariantControls variant={variant} liveName={liveName} promptVersions={promptVersions} actions={actions} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
