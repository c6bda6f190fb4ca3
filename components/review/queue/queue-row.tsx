import Link from "next/link";

import { TriageBadge } from "@/components/triage/triage-badge";
import { Badge } from "@/components/ui/badge";
import type { QueueRowDto } from "@/lib/review/dto";

import { claimLabel } from "../format";
import { aiDecisionLabel, classificationLabel, stateLabels, stateTones } from "../labels";
import { PostByline } from "../post-byline";

/** One draft in the list: whose post, how old, how triage judged it, what the AI said, and who holds it. */
export function QueueRow({ row, href, now, viewerId, onFocus }: { row: QueueRowDto; href: string; now: Date; viewerId: string; onFocus: () => void }) {
  const { post, claim } = row;
  return (
    <Link
      href={href}
      prefetch={false}
      onFocus={onFocus}
      data-testid="queue-row"
      data-draft-id={row.id}
      data-priority-key={row.triage?.priorityKey}
      className="block rounded-md px-3 py-2.5 outline-none hover:bg-zinc-50 focus-visible:bg-blue-50 focus-visible:ring-2 focus-visible:ring-blue-500 dark:hover:bg-zinc-800/60 dark:focus-visible:bg-blue-950/40"
    >
      <PostByline post={post} now={now}>
        {row.triage ? <TriageBadge triage={row.triage} /> : <Badge>Not triaged yet</Badge>}
        <span className="ml-auto flex items-center gap-2">
          {claim && (
            <span data-testid="claim-label" className={claim.byId === viewerId ? "text-blue-700 dark:text-blue-300" : "text-amber-700 dark:text-amber-300"}>
              {claimLabel(claim, viewerId, now)}
            </span>
          )}
          <span>AI: {aiDecisionLabel(row.aiDecision)}</span>
          <Badge tone={stateTones[row.state]}>{stateLabels[row.state]}</Badge>
        </span>
      </PostByline>
      <p className="mt-1 line-clamp-2 text-sm whitespace-pre-line">
        {post.excerpt}
        {post.truncated && "…"}
      </p>
      {row.currentRevision && (
        <p className="mt-1 line-clamp-1 text-xs text-zinc-500">
          <span className="font-medium">{classificationLabel(row.currentRevision.classification)}</span>
          {row.currentRevision.authorKind === "human" && " · edited"} — {row.currentRevision.text}
        </p>
      )}
    </Link>
  );
}
