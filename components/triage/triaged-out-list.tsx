import { Badge } from "@/components/ui/badge";
import type { TriagedOutPostDto } from "@/lib/triage/types";

import { formatAge } from "../review/format";
import { mediaLabel } from "../review/labels";
import { OverturnForm, type Overturn } from "./overturn-form";
import { TriageBadge } from "./triage-badge";
import { TriageReasons } from "./triage-reasons";

/**
 * The posts triage put out, highest priority first, each with why; a reviewer can put one back in
 * (with a reason), after which the next drafting run drafts it.
 */
export function TriagedOutList({ rows, now, overturn }: { rows: TriagedOutPostDto[]; now: Date; overturn: Overturn | null }) {
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Triaged-out posts">
      {rows.map(({ post, triage }) => (
        <li key={post.id} data-testid="triaged-out-row" data-post-id={post.id} className="grid gap-3 px-3 py-3 md:grid-cols-[1fr_20rem]">
          <div className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-500">
              <span className="font-medium text-zinc-800 dark:text-zinc-200">{post.authorUsername ? `@${post.authorUsername}` : "unknown author"}</span>
              {post.authorName && <span>{post.authorName}</span>}
              <span aria-hidden>·</span>
              <span>{post.postedAt ? `${formatAge(post.postedAt, now)} old` : "age unknown"}</span>
              {post.lang && <Badge>{post.lang}</Badge>}
              <Badge>{mediaLabel(post.mediaType)}</Badge>
              {post.noteRequestCount > 0 && (
                <Badge tone="warn">
                  {post.noteRequestCount} note request{post.noteRequestCount === 1 ? "" : "s"}
                </Badge>
              )}
              <TriageBadge triage={{ verdict: triage.verdict, checkability: triage.checkability, overturned: triage.overturn !== null, priorityKey: triage.priority.key }} />
            </div>
            <p className="text-sm whitespace-pre-line">
              {post.excerpt}
              {post.truncated && "…"}
            </p>
            <TriageReasons triage={triage} />
          </div>
          {overturn && <OverturnForm postId={post.id} to="in" overturn={overturn} />}
        </li>
      ))}
    </ul>
  );
}
