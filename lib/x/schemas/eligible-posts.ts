import { z } from "zod";

import { partialErrorsSchema, searchMetaSchema, xIdSchema } from "./common";

/** The older spec's URL entity; the newer spec sends the URL as a plain string. */
const urlEntitySchema = z.looseObject({
  url: z.string(),
  expanded_url: z.string().optional(),
  unwound_url: z.string().optional(),
  display_url: z.string().optional(),
});

const suggestedSourceLinkSchema = z.looseObject({
  url: z.union([z.string(), urlEntitySchema]),
  count: z.number().int(),
});

const noteRequestSuggestionSchema = z.looseObject({
  suggestion_id: z.string().optional(),
  suggestion: z.string(),
  source_link: z.string().nullish(),
});

const referenceSchema = z.looseObject({
  type: z.enum(["quoted", "replied_to", "retweeted"]),
  id: xIdSchema,
});

export const apiPostSchema = z.looseObject({
  id: xIdSchema,
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  lang: z.string().optional(),
  note_tweet: z.looseObject({ text: z.string() }).optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  referenced_tweets: z.array(referenceSchema).optional(),
  /** Newer spec's name for referenced_tweets. */
  referenced_posts: z.array(referenceSchema).optional(),
  suggested_source_links_with_counts: z.array(suggestedSourceLinkSchema).optional(),
  note_request_suggestions: z.array(noteRequestSuggestionSchema).optional(),
  matched_media_notes: z.array(z.looseObject({ note_id: z.string(), match_status: z.string() })).optional(),
  public_metrics: z.record(z.string(), z.number()).optional(),
});

export const apiMediaSchema = z.looseObject({
  media_key: z.string(),
  type: z.string(),
  url: z.string().optional(),
  preview_image_url: z.string().optional(),
  alt_text: z.string().nullish(),
  duration_ms: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  variants: z
    .array(z.looseObject({ url: z.string(), content_type: z.string().optional(), bit_rate: z.number().optional() }))
    .optional(),
});

export const apiUserSchema = z.looseObject({
  id: z.string(),
  username: z.string().optional(),
  name: z.string().optional(),
});

export const eligiblePostsResponseSchema = z.looseObject({
  data: z.array(apiPostSchema).optional(),
  includes: z
    .looseObject({
      media: z.array(apiMediaSchema).optional(),
      tweets: z.array(apiPostSchema).optional(),
      users: z.array(apiUserSchema).optional(),
    })
    .optional(),
  meta: searchMetaSchema.extend({ newest_id: z.string().optional(), oldest_id: z.string().optional() }),
  errors: partialErrorsSchema,
});

export type ApiPost = z.infer<typeof apiPostSchema>;
export type ApiMedia = z.infer<typeof apiMediaSchema>;
export type ApiUser = z.infer<typeof apiUserSchema>;
export type EligiblePostsResponse = z.infer<typeof eligiblePostsResponseSchema>;
