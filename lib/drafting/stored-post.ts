import "server-only";

import { Prisma, type DbClient, type Post } from "@/lib/db";
import { normalizedPostSchema, type NormalizedPost } from "@/lib/posts/post";

/** The columns of a post row that drafting reads. */
export type StoredPost = Pick<
  Post,
  | "id"
  | "text"
  | "authorId"
  | "authorUsername"
  | "authorName"
  | "postedAt"
  | "lang"
  | "media"
  | "mediaType"
  | "referencedPosts"
  | "noteRequests"
  | "suggestedSources"
  | "matchedMediaNotes"
  | "publicMetrics"
>;

/**
 * StoredPost's columns of the posts row `p` in a raw statement, under the model's names, all but
 * the id (the caller names it, as a claim already has an `id` of its own).
 */
export const storedPostColumns = Prisma.sql`p.text, p.author_id AS "authorId", p.author_username AS "authorUsername", p.author_name AS "authorName",
  p.posted_at AS "postedAt", p.lang, p.media, p.media_type AS "mediaType", p.referenced_posts AS "referencedPosts",
  p.note_requests AS "noteRequests", p.suggested_sources AS "suggestedSources", p.matched_media_notes AS "matchedMediaNotes",
  p.public_metrics AS "publicMetrics"`;

/** A post row back in the shape drafting reads. Parsed, not cast: the JSON columns are checked. */
export function toNormalizedPost(row: StoredPost): NormalizedPost {
  return normalizedPostSchema.parse({
    id: row.id,
    text: row.text,
    authorId: row.authorId,
    authorUsername: row.authorUsername,
    authorName: row.authorName,
    postedAt: row.postedAt?.toISOString() ?? null,
    lang: row.lang,
    media: row.media,
    mediaType: row.mediaType,
    referencedPosts: row.referencedPosts,
    noteRequests: row.noteRequests,
    suggestedSources: row.suggestedSources,
    matchedMediaNotes: row.matchedMediaNotes,
    publicMetrics: row.publicMetrics,
  });
}

export type PostForDrafting = { post: NormalizedPost; existingNoteTexts: string[] };

/**
 * The posts with the notes already written on each (notes_written, any of our writers), so drafting
 * can flag a draft that repeats one. Two queries for a whole batch.
 */
export async function loadPostsForDrafting(db: DbClient, postIds: readonly string[]): Promise<Map<string, PostForDrafting>> {
  const ids = [...new Set(postIds)];
  const [posts, notes] = await Promise.all([
    db.post.findMany({ where: { id: { in: ids } } }),
    db.writtenNote.findMany({ where: { postId: { in: ids } }, select: { postId: true, text: true } }),
  ]);
  return new Map(
    posts.map((row) => [
      row.id,
      { post: toNormalizedPost(row), existingNoteTexts: notes.filter((n) => n.postId === row.id).map((n) => n.text) },
    ]),
  );
}
