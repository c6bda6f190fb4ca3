/**
 * The API's enums (x-api-reference §2), in the API's spelling. A module of plain values with no
 * schema library, so client components that only list them (filters, labels) don't ship zod.
 */
export const classifications = ["misinformed_or_potentially_misleading", "not_misleading"] as const;
export const misleadingTags = [
  "disputed_claim_as_fact",
  "factual_error",
  "manipulated_media",
  "misinterpreted_satire",
  "missing_important_context",
  "other",
  "outdated_information",
] as const;

export type Classification = (typeof classifications)[number];
export type MisleadingTag = (typeof misleadingTags)[number];
