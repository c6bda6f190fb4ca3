import type { ParameterIssue } from "./problems";
import { simFeedSizes, type SimFeedSize } from "./feed";

/** The values X accepts for each field list; unknown values are rejected, as X does. */
export const allowedFields = {
  "tweet.fields": [
    "article", "attachments", "author_id", "card_uri", "community_id", "context_annotations", "conversation_id",
    "created_at", "display_text_range", "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id",
    "in_reply_to_user_id", "lang", "matched_media_notes", "media_metadata", "non_public_metrics", "note_request_suggestions",
    "note_tweet", "organic_metrics", "possibly_sensitive", "promoted_metrics", "public_metrics", "referenced_tweets",
    "reply_settings", "scopes", "source", "suggested_source_links_with_counts", "text", "withheld",
  ],
  expansions: [
    "article.cover_media", "article.media_entities", "attachments.media_keys", "attachments.media_source_tweet",
    "attachments.poll_ids", "author_id", "edit_history_tweet_ids", "entities.mentions.username", "geo.place_id",
    "in_reply_to_user_id", "entities.note.mentions.username", "referenced_tweets.id", "referenced_tweets.id.attachments.media_keys",
    "referenced_tweets.id.author_id",
  ],
  "media.fields": [
    "alt_text", "duration_ms", "height", "media_key", "non_public_metrics", "organic_metrics", "preview_image_url",
    "promoted_metrics", "public_metrics", "type", "url", "variants", "width",
  ],
  "user.fields": [
    "affiliation", "connection_status", "created_at", "description", "entities", "id", "location", "most_recent_tweet_id",
    "name", "pinned_tweet_id", "profile_banner_url", "profile_image_url", "protected", "public_metrics", "receives_your_dm",
    "subscription_type", "url", "username", "verified", "verified_type", "withheld",
  ],
  "note.fields": ["id", "info", "status", "test_result", "scoring_status"],
} as const;

export type FieldListName = keyof typeof allowedFields;

/** Collects every problem of a query, so one 400 lists them all as X does. */
export class QueryReader {
  readonly issues: ParameterIssue[] = [];

  constructor(
    private readonly query: URLSearchParams,
    allowedParameters: readonly string[],
  ) {
    for (const name of new Set(query.keys())) {
      if (!allowedParameters.includes(name)) {
        this.issues.push({
          parameter: name,
          value: query.get(name),
          message: `The query parameter [${name}] is not one of [${allowedParameters.join(",")}]`,
        });
      } else if (query.getAll(name).length > 1) {
        this.issues.push({ parameter: name, value: query.get(name), message: `Duplicate parameters are not allowed: the \`${name}\` query parameter` });
      }
    }
  }

  testMode(): boolean {
    const raw = this.query.get("test_mode");
    if (raw === "true" || raw === "false") return raw === "true";
    this.issues.push(
      raw === null
        ? { parameter: "test_mode", value: "", message: "The `test_mode` query parameter can not be empty" }
        : { parameter: "test_mode", value: raw, message: `The \`test_mode\` query parameter value [${raw}] is not one of [true,false]` },
    );
    return true;
  }

  maxResults(): number {
    const raw = this.query.get("max_results");
    if (raw === null) return 10;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (value >= 1 && value <= 100) return value;
    this.issues.push({ parameter: "max_results", value: raw, message: `The \`max_results\` query parameter value [${raw}] is not between 1 and 100` });
    return 10;
  }

  fields(name: FieldListName): Set<string> {
    const raw = this.query.get(name);
    if (raw === null) return new Set();
    const allowed: readonly string[] = allowedFields[name];
    const values = raw.split(",");
    for (const value of values) {
      if (!allowed.includes(value)) {
        this.issues.push({ parameter: name, value, message: `The \`${name}\` query parameter value [${value}] is not one of [${allowed.join(",")}]` });
      }
    }
    return new Set(values);
  }

  /** `post_selection=feed_size:large,feed_lang:es`; defaults small and English. */
  postSelection(): { feedSize: SimFeedSize; feedLang: string } {
    const selection = { feedSize: "small" as SimFeedSize, feedLang: "en" };
    const raw = this.query.get("post_selection");
    if (raw === null) return selection;
    const seen = new Set<string>();
    for (const part of raw.split(",")) {
      const [key, value, ...rest] = part.split(":");
      const invalid = (message: string) => this.issues.push({ parameter: "post_selection", value: part, message });
      if (value === undefined || rest.length > 0) invalid(`The \`post_selection\` entry [${part}] is not of the form key:value`);
      else if (seen.has(key ?? "")) invalid(`The \`post_selection\` key [${key}] appears more than once`);
      else if (key === "feed_size") {
        if ((simFeedSizes as readonly string[]).includes(value)) selection.feedSize = value as SimFeedSize;
        else invalid(`The \`feed_size\` value [${value}] is not one of [${simFeedSizes.join(",")}]`);
      } else if (key === "feed_lang") {
        if (/^([a-z]{2,3}|all)$/.test(value)) selection.feedLang = value;
        else invalid(`The \`feed_lang\` value [${value}] is not a language code or "all"`);
      } else invalid(`The \`post_selection\` key [${key}] is not one of [feed_size,feed_lang]`);
      seen.add(key ?? "");
    }
    return selection;
  }

  paginationToken(decode: (token: string) => string | null): string | null {
    const raw = this.query.get("pagination_token");
    if (raw === null) return null;
    const cursor = decode(raw);
    if (cursor === null) {
      this.issues.push({ parameter: "pagination_token", value: raw, message: `The \`pagination_token\` query parameter value [${raw}] is not valid` });
    }
    return cursor;
  }
}
