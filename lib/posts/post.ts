import { z } from "zod";

import { mediaTypes, type MediaType } from "./media-types";

/**
 * A post as Notedesk keeps it: the X response normalised once at ingest (note_tweet text preferred,
 * includes joined, both spec variants folded), so drafting, the queue and the simulator share one shape.
 */
export const postMediaSchema = z.object({
  key: z.string(),
  type: z.string(), // photo | video | animated_gif; unknown kinds kept as data
  url: z.string().nullable(),
  previewUrl: z.string().nullable(),
  altText: z.string().nullable(),
  durationMs: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

export const referencedPostSchema = z.object({
  type: z.enum(["quoted", "replied_to", "retweeted"]),
  id: z.string(),
  /** null when X did not include it (deleted or unavailable). */
  text: z.string().nullable(),
  authorUsername: z.string().nullable(),
  missing: z.boolean(),
});

export const noteRequestSchema = z.object({
  suggestionId: z.string().nullable(),
  suggestion: z.string(),
  sourceLink: z.string().nullable(),
});

export const suggestedSourceSchema = z.object({ url: z.string(), count: z.number().int() });

export const matchedMediaNoteSchema = z.object({ noteId: z.string(), matchStatus: z.string() });

export { mediaTypes, type MediaType };

export const normalizedPostSchema = z.object({
  id: z.string().regex(/^[0-9]{1,19}$/),
  text: z.string(),
  authorId: z.string().nullable(),
  authorUsername: z.string().nullable(),
  authorName: z.string().nullable(),
  postedAt: z.string().nullable(), // ISO 8601
  lang: z.string().nullable(),
  media: z.array(postMediaSchema),
  mediaType: z.enum(mediaTypes),
  referencedPosts: z.array(referencedPostSchema),
  noteRequests: z.array(noteRequestSchema),
  suggestedSources: z.array(suggestedSourceSchema),
  matchedMediaNotes: z.array(matchedMediaNoteSchema),
  publicMetrics: z.record(z.string(), z.number()).nullable(),
});

export type PostMedia = z.infer<typeof postMediaSchema>;
export type ReferencedPost = z.infer<typeof referencedPostSchema>;
export type NoteRequest = z.infer<typeof noteRequestSchema>;
export type SuggestedSource = z.infer<typeof suggestedSourceSchema>;
export type NormalizedPost = z.infer<typeof normalizedPostSchema>;

/** The one media type a post is filtered by. */
export function mediaTypeOf(media: readonly Pick<PostMedia, "type">[]): MediaType {
  const kinds = new Set(media.map((m) => m.type));
  if (kinds.size === 0) return "none";
  if (kinds.size > 1) return "mixed";
  const [only] = kinds;
  return only === "photo" || only === "video" || only === "animated_gif" ? only : "mixed";
}
