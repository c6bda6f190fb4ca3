import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import type { PostExcerptDto } from "@/lib/posts/excerpt";

import { formatAge } from "./format";
import { mediaLabel } from "./labels";

type BylinePost = Pick<PostExcerptDto, "authorUsername" | "authorName" | "postedAt" | "lang" | "mediaType" | "noteRequestCount">;

/** A post's line in a list: who, how old, language, media and note requests; `children` follow (badges, claim). */
export function PostByline({ post, now, children }: { post: BylinePost; now: Date; children?: ReactNode }) {
  return (
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
      {children}
    </div>
  );
}
