import "server-only";

import type { DbClient } from "@/lib/db";
import { toNormalizedPost } from "@/lib/drafting/stored-post";
import { postUrlOnX } from "@/lib/posts/url";
import type { DraftDetailDto } from "@/lib/review/dto";

/** The post as the review view shows it, so the comparison reuses its post card and note requests. */
export type ComparedPost = DraftDetailDto["post"];

export async function loadComparedPost(db: DbClient, postId: string): Promise<ComparedPost | null> {
  const row = await db.post.findUnique({ where: { id: postId } });
  if (!row) return null;
  const post = toNormalizedPost(row);
  return {
    id: post.id,
    url: postUrlOnX(post.id, post.authorUsername),
    text: post.text,
    author: { id: post.authorId, username: post.authorUsername, name: post.authorName },
    postedAt: post.postedAt ? new Date(post.postedAt) : null,
    lang: post.lang,
    mediaType: post.mediaType,
    media: post.media,
    referencedPosts: post.referencedPosts,
    noteRequests: post.noteRequests,
    suggestedSources: post.suggestedSources,
    matchedMediaNotes: post.matchedMediaNotes,
  };
}
