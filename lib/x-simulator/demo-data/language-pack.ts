/** What eligible posts are about. Media claims get a photo or video; the others may. */
export const postKinds = [
  "claim_number",
  "quote",
  "entity_claim",
  "opinion",
  "prediction",
  "satire",
  "media_claim",
] as const;
export type PostKind = (typeof postKinds)[number];

/**
 * The words one language's demo posts are made of. Templates use {place} {org} {person} {topic} {product}
 * {event} {month} {quote} {n} {n2} {pct} {year}; every name is invented.
 */
export type LanguagePack = {
  lang: string;
  /** Relative share of posts in this language. */
  weight: number;
  names: { first: readonly string[]; last: readonly string[] };
  slots: {
    place: readonly string[];
    org: readonly string[];
    person: readonly string[];
    topic: readonly string[];
    product: readonly string[];
    event: readonly string[];
    month: readonly string[];
    quote: readonly string[];
  };
  templates: Record<PostKind, readonly string[]>;
  /** Sentences chained into long (note_tweet) posts. */
  longSentences: readonly string[];
  /** Why a reader asked for a note. */
  noteRequests: readonly string[];
  /** Alt text for photos; {place} allowed. */
  altTexts: readonly string[];
  bios: readonly string[];
};
