/**
 * The AI Note Writer API's request vocabulary, kept in one place. The newer OpenAPI spec renames
 * `tweet.fields` → `post.fields` and `referenced_tweets` → `referenced_posts`, but the live API and X's guide
 * still use the tweet names; if X switches, this file is the one to change.
 */
export const xPaths = {
  eligiblePosts: "/2/notes/search/posts_eligible_for_notes",
  notes: "/2/notes",
  notesWritten: "/2/notes/search/notes_written",
  /** The older spec and the template use the first; the newer spec the second. */
  evaluateNote: ["/2/evaluate_note", "/2/notes/evaluate"],
  note: (noteId: string) => `/2/notes/${encodeURIComponent(noteId)}`,
} as const;

export const xQueryParams = {
  testMode: "test_mode",
  maxResults: "max_results",
  paginationToken: "pagination_token",
  postSelection: "post_selection",
  postFields: "tweet.fields",
  expansions: "expansions",
  mediaFields: "media.fields",
  userFields: "user.fields",
  noteFields: "note.fields",
} as const;

/** What X's guide recommends asking for: everything drafting and review look at. */
export const defaultPostFields = [
  "author_id",
  "created_at",
  "referenced_tweets",
  "media_metadata",
  "note_tweet",
  "lang",
  "entities",
  "public_metrics",
  "suggested_source_links_with_counts",
  "note_request_suggestions",
  "matched_media_notes",
] as const;

export const defaultExpansions = [
  "attachments.media_keys",
  "referenced_tweets.id",
  "referenced_tweets.id.attachments.media_keys",
  "author_id",
  "referenced_tweets.id.author_id",
] as const;

export const defaultMediaFields = [
  "alt_text",
  "duration_ms",
  "height",
  "media_key",
  "preview_image_url",
  "public_metrics",
  "type",
  "url",
  "width",
  "variants",
] as const;

/** X returns id, name and username by default; asking explicitly keeps that true if the default changes. */
export const defaultUserFields = ["name", "username"] as const;

export const defaultNoteFields = ["id", "info", "status", "test_result"] as const;

export const feedSizes = ["small", "large", "xl", "xxl"] as const;
export type FeedSize = (typeof feedSizes)[number];

/** The note enums live with the note rules; the API client speaks the same ones. */
export { classifications as noteClassifications, misleadingTags, type MisleadingTag } from "@/lib/note-text/rules";
export type { Classification as NoteClassification } from "@/lib/note-text/rules";

/** Known statuses; X may add more, which Notedesk keeps as plain strings. */
export const knownNoteStatuses = [
  "currently_rated_helpful",
  "currently_rated_not_helpful",
  "needs_more_ratings",
  "firm_reject",
  "insufficient_consensus",
  "minimum_ratings_not_met",
  "needs_your_help",
] as const;

/** The evaluators X runs today; older results (TopicalRelevance, float HarassmentAbuse) are kept as data. */
export const currentEvaluatorTypes = ["ClaimOpinion", "UrlValidity", "HarassmentAbuse"] as const;
