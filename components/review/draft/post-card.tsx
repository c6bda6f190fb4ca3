import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { DraftDetailDto } from "@/lib/review/dto";

import { formatAge, formatDateTime } from "../format";
import { PostMediaGrid } from "./post-media";
import { ReferencedPosts } from "./referenced-posts";
import { SafeLink } from "./safe-link";

/** The post as a reader on X sees it: author, full text, media with alt text, and what it quotes. */
export function PostCard({ post, now }: { post: DraftDetailDto["post"]; now: Date }) {
  return (
    <Card
      title="The post"
      actions={
        <SafeLink href={post.url} className="text-xs">
          Open on X ↗
        </SafeLink>
      }
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-semibold">{post.author.name ?? "Unknown author"}</span>
          {post.author.username && <span className="text-zinc-500">@{post.author.username}</span>}
          {post.postedAt && (
            <time dateTime={post.postedAt.toISOString()} title={formatDateTime(post.postedAt)} className="text-xs text-zinc-500">
              · {formatAge(post.postedAt, now)} old
            </time>
          )}
          {post.lang && <Badge>{post.lang}</Badge>}
        </div>
        <p className="text-[15px] leading-relaxed break-words whitespace-pre-wrap" data-testid="post-text">
          {post.text}
        </p>
        <PostMediaGrid media={post.media} />
        <ReferencedPosts posts={post.referencedPosts} />
        {post.matchedMediaNotes.length > 0 && (
          <p className="text-xs text-zinc-500">
            X matched {post.matchedMediaNotes.length} existing media note{post.matchedMediaNotes.length === 1 ? "" : "s"} to this post&apos;s media.
          </p>
        )}
      </div>
    </Card>
  );
}
