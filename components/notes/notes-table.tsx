"use client";

import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { NoteRowDto } from "@/lib/notes/dto";
import { historicalEvaluatorNotes, originLabels } from "@/lib/notes/labels";

import { BucketBadge } from "./bucket-badge";
import { formatIso } from "./format";
import { StatusBadge } from "./status-badge";

const originTones = { unedited: "info", edited: "warn", human: "neutral", external: "neutral" } as const;

/**
 * The written notes, one row each; note and post text are rendered as text, never as HTML. A client
 * component so the page sends the rows once as data, not a second time as a rendered tree.
 */
export function NotesTable({ rows }: { rows: NoteRowDto[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[64rem] text-left text-sm" data-testid="notes-table">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Note</th>
            <th className="py-2 pr-3 font-medium">Post</th>
            <th className="py-2 pr-3 font-medium">Mode</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="py-2 pr-3 font-medium" title="ClaimOpinion: high reads as a checkable claim">ClaimOpinion</th>
            <th className="py-2 pr-3 font-medium" title="UrlValidity: high means every link works">UrlValidity</th>
            <th className="py-2 pr-3 font-medium" title="HarassmentAbuse: high means clean">HarassmentAbuse</th>
            <th className="py-2 pr-3 font-medium">Submitted · changed</th>
            <th className="py-2 pr-3 font-medium">Approved by</th>
            <th className="py-2 font-medium">Draft</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((note) => (
            <tr key={note.id} className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid="note-row" data-mode={note.mode}>
              <td className="max-w-sm py-2 pr-3">
                <Link href={`/notes/${note.id}`} className="line-clamp-3 break-words hover:underline">
                  {note.text}
                </Link>
              </td>
              <td className="max-w-xs py-2 pr-3 text-zinc-600 dark:text-zinc-400">
                <span className="line-clamp-2 break-words">{note.postText ?? `Post ${note.postId} (not synced)`}</span>
              </td>
              <td className="py-2 pr-3">
                <Badge tone={note.mode === "production" ? "warn" : "info"}>{note.mode}</Badge>
              </td>
              <td className="py-2 pr-3">
                <StatusBadge status={note.status} />
              </td>
              <td className="py-2 pr-3">
                <BucketBadge bucket={note.claimOpinion} />
                {note.scores.map((score) => (
                  <div key={score.type} className="mt-1 text-xs text-zinc-500" title={historicalEvaluatorNotes[score.type] ?? "a score"}>
                    {score.type} {score.score}
                  </div>
                ))}
              </td>
              <td className="py-2 pr-3">
                <BucketBadge bucket={note.urlValidity} />
              </td>
              <td className="py-2 pr-3">
                <BucketBadge bucket={note.harassmentAbuse} />
              </td>
              <td className="py-2 pr-3 text-xs whitespace-nowrap text-zinc-500">
                <div title={note.submittedAt ? "sent from Notedesk" : "first seen by a refresh"}>{formatIso(note.submittedAt ?? note.firstSeenAt)}</div>
                <div>{formatIso(note.lastChangedAt)}</div>
              </td>
              <td className="py-2 pr-3">{note.approvedBy ?? <span className="text-zinc-400">—</span>}</td>
              <td className="py-2">
                <Badge tone={originTones[note.origin]}>{originLabels[note.origin]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
