import type { TriagedOutPostDto } from "@/lib/triage/types";

import { PostByline } from "../review/post-byline";
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
            <PostByline post={post} now={now}>
              <TriageBadge triage={{ verdict: triage.verdict, checkability: triage.checkability, overturned: triage.overturn !== null, priorityKey: triage.priority.key }} />
            </PostByline>
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
