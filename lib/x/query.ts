import type { FeedSize } from "./fields";

/**
 * RFC 3986 percent-encoding of a query value. Spaces become %20, never "+": the OAuth 1.0a signer reads the
 * query back with decodeURIComponent (which keeps "+" a plus) while X decodes "+" as a space, so a "+" would
 * sign one string and be verified against another. Colons and commas are escaped too, as X asks for
 * `post_selection`.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "" when there is nothing to send: a bare "?" would add an empty parameter to the OAuth signature. */
export function queryString(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeQueryValue(name)}=${encodeQueryValue(value)}`);
  return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
}

/** `post_selection=feed_size:large,feed_lang:es`; X's defaults (small, English) need no parameter. */
export function postSelection(selection: { feedSize?: FeedSize; feedLang?: string }): string | undefined {
  const parts: string[] = [];
  if (selection.feedSize) parts.push(`feed_size:${selection.feedSize}`);
  if (selection.feedLang) parts.push(`feed_lang:${selection.feedLang}`);
  return parts.length === 0 ? undefined : parts.join(",");
}

export function fieldList(fields: readonly string[]): string | undefined {
  return fields.length === 0 ? undefined : fields.join(",");
}
