import Link from "next/link";

import { formatIso } from "@/components/notes/format";
import { Badge } from "@/components/ui/badge";
import { rateOf } from "@/lib/insights/rates";
import type { RatingAgreementDto } from "@/lib/insights/rating-agreement";
import { bucketLabel, statusLabel } from "@/lib/notes/labels";
import { rejectReasons } from "@/lib/review/reject-reasons";

import { rateText } from "./rate-text";

const decisionWords = { approved: "approved", rejected: "rejected", undecided: "not decided yet" } as const;

/**
 * The reviewers' "would I post this as is?" beside what became of each draft: decided how, and for
 * approvals how many words changed between the AI draft they rated and the approved text.
 */
export function RatingAgreement({ agreement }: { agreement: RatingAgreementDto }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[44rem] text-left text-sm" data-testid="rating-agreement">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="py-2 pr-3 font-medium">Would post as is</th>
              <th className="py-2 pr-3 text-right font-medium">Ratings</th>
              <th className="py-2 pr-3 text-right font-medium">Approved</th>
              <th className="py-2 pr-3 text-right font-medium">Rejected</th>
              <th className="py-2 pr-3 text-right font-medium">Not decided</th>
              <th className="py-2 pr-3 text-right font-medium">Approved unedited</th>
              <th className="py-2 text-right font-medium">Median words changed</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {agreement.groups.map((group) => (
              <tr key={String(group.wouldPost)} className="border-t border-zinc-100 dark:border-zinc-800" data-would-post={group.wouldPost}>
                <td className="py-2 pr-3">{group.wouldPost ? "yes" : "no"}</td>
                <td className="py-2 pr-3 text-right">{group.ratings}</td>
                <td className="py-2 pr-3 text-right">{rateText(rateOf(group.decisions.approved, group.ratings))}</td>
                <td className="py-2 pr-3 text-right">{rateText(rateOf(group.decisions.rejected, group.ratings))}</td>
                <td className="py-2 pr-3 text-right">{group.decisions.undecided}</td>
                <td className="py-2 pr-3 text-right">{rateText(rateOf(group.edits.unedited, group.edits.approved))}</td>
                <td className="py-2 text-right">{group.edits.medianWordsChanged ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {agreement.capped && <p className="mt-1 text-xs text-zinc-500">Counted over the most recent ratings only.</p>}
      </div>

      {agreement.recent.length > 0 && (
        <div className="overflow-x-auto">
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Recent ratings</h3>
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="recent-ratings">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1.5 pr-3 font-medium">Rated</th>
                <th className="py-1.5 pr-3 font-medium">Post</th>
                <th className="py-1.5 pr-3 font-medium">Reviewer</th>
                <th className="py-1.5 pr-3 font-medium">Would post</th>
                <th className="py-1.5 pr-3 font-medium">Then</th>
                <th className="py-1.5 font-medium">X says</th>
              </tr>
            </thead>
            <tbody>
              {agreement.recent.map((row) => (
                <tr key={`${row.draftId}-${row.reviewer}-${row.ratedAt}`} className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid="recent-rating">
                  <td className="py-1.5 pr-3 text-xs whitespace-nowrap text-zinc-500">{formatIso(row.ratedAt)}</td>
                  <td className="max-w-sm py-1.5 pr-3">
                    <Link href={`/queue/${row.draftId}`} className="line-clamp-2 break-words hover:underline">
                      {row.postExcerpt}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3">{row.reviewer}</td>
                  <td className="py-1.5 pr-3">
                    <Badge tone={row.wouldPost ? "good" : "warn"}>{row.wouldPost ? "yes" : "no"}</Badge>
                  </td>
                  <td className="py-1.5 pr-3 text-xs">
                    {decisionWords[row.decision]}
                    {row.decision === "rejected" && row.rejectReason && row.rejectReason in rejectReasons && `: ${rejectReasons[row.rejectReason as keyof typeof rejectReasons]}`}
                    {row.wordsChanged !== null && ` · ${row.wordsChanged === 0 ? "unedited" : `${row.wordsChanged} ${row.wordsChanged === 1 ? "word" : "words"} changed`}`}
                  </td>
                  <td className="py-1.5 text-xs">
                    {row.noteId ? (
                      <Link href={`/notes/${row.noteId}`} className="hover:underline">
                        ClaimOpinion {bucketLabel(row.claimOpinion)} · {statusLabel(row.status).short}
                      </Link>
                    ) : (
                      <span className="text-zinc-500">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
