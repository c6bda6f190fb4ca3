import Link from "next/link";
import type { ReactNode } from "react";

import { formatIso } from "@/components/notes/format";
import { SafeLink } from "@/components/review/draft/safe-link";
import { Badge } from "@/components/ui/badge";
import type { DropoutsDto, FunnelStepDto } from "@/lib/insights/dto";
import { DROPOUT_ROWS } from "@/lib/insights/funnel";
import { insightsHref, type InsightsQuery } from "@/lib/insights/query";

const linkClass = "text-blue-700 underline decoration-blue-700/30 hover:decoration-blue-700 dark:text-blue-300";

/** One step's drop-outs: how many for each reason (each a filter), and the most recent posts, linked to their draft, note and post. */
export function DropoutPanel({ step, dropouts, query }: { step: FunnelStepDto; dropouts: DropoutsDto; query: InsightsQuery }) {
  const shown = dropouts.reason ? (step.reasons.find((r) => r.reason === dropouts.reason)?.count ?? 0) : step.dropped;
  const reasonLink = (reason: string | undefined) => `${insightsHref(query, { step: step.id, reason })}#dropouts`;
  return (
    <section id="dropouts" aria-labelledby="dropouts-title" className="flex scroll-mt-4 flex-col gap-3 rounded-md border border-amber-200 p-3 dark:border-amber-900" data-testid="dropouts">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="dropouts-title" className="text-sm font-semibold">
          Stopped before “{step.label}”: {step.dropped.toLocaleString("en")} {step.dropped === 1 ? "post" : "posts"} ({step.droppedMeans})
        </h3>
        <Link href={insightsHref(query, { step: undefined })} scroll={false} className="text-xs text-zinc-500 underline">
          Close
        </Link>
      </div>
      <nav aria-label="Reasons" className="flex flex-wrap gap-1.5 text-xs">
        <ReasonLink href={reasonLink(undefined)} current={!dropouts.reason}>
          every reason · {step.dropped}
        </ReasonLink>
        {step.reasons.map((reason) => (
          <ReasonLink key={reason.reason} href={reasonLink(reason.reason)} current={dropouts.reason === reason.reason}>
            {reason.label} · {reason.count}
          </ReasonLink>
        ))}
      </nav>
      {dropouts.rows.length === 0 ? (
        <p className="text-sm text-zinc-500">No post stopped here for this reason in this period.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1.5 pr-3 font-medium">First seen</th>
                <th className="py-1.5 pr-3 font-medium">Post</th>
                <th className="py-1.5 pr-3 font-medium">Why</th>
                <th className="py-1.5 font-medium">Open</th>
              </tr>
            </thead>
            <tbody>
              {dropouts.rows.map((row) => (
                <tr key={`${row.postId}-${row.mode}`} className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid="dropout-row">
                  <td className="py-1.5 pr-3 whitespace-nowrap text-xs text-zinc-500">{formatIso(row.firstSeenAt)}</td>
                  <td className="max-w-md py-1.5 pr-3">
                    <p className="line-clamp-2 break-words">{row.postExcerpt}</p>
                    <p className="mt-0.5 flex gap-1.5 text-xs text-zinc-500">
                      {row.authorUsername && <span>@{row.authorUsername}</span>}
                      <Badge tone={row.mode === "production" ? "info" : "neutral"}>{row.mode}</Badge>
                    </p>
                  </td>
                  <td className="max-w-sm py-1.5 pr-3">
                    <p>{row.reasonLabel}</p>
                    {row.detail && <p className="line-clamp-3 text-xs break-words text-zinc-500">{row.detail}</p>}
                  </td>
                  <td className="py-1.5 text-xs whitespace-nowrap">
                    <span className="flex flex-col gap-0.5">
                      {row.draftId && (
                        <Link href={`/queue/${row.draftId}`} className={linkClass}>
                          Draft
                        </Link>
                      )}
                      {row.noteId && (
                        <Link href={`/notes/${row.noteId}`} className={linkClass}>
                          Note
                        </Link>
                      )}
                      <SafeLink href={row.postUrl}>Post on X</SafeLink>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown > dropouts.rows.length && (
        <p className="text-xs text-zinc-500">
          The {DROPOUT_ROWS} most recent of {shown.toLocaleString("en")}.
        </p>
      )}
    </section>
  );
}

function ReasonLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      scroll={false}
      aria-current={current ? "true" : undefined}
      className={`rounded px-2 py-1 ${current ? "bg-amber-200 font-medium dark:bg-amber-900" : "bg-zinc-100 hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"}`}
    >
      {children}
    </Link>
  );
}
