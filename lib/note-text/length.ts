/**
 * How X counts a note's length: 1–280 characters where each link counts as 1.
 *
 * Two choices, both made to agree with what the API itself enforces rather than with how a
 * text box renders the text:
 * - A link is whatever the API's own pattern `https?://\S+` matches (lowercase scheme, up to the
 *   next whitespace). Punctuation glued to the end of a link ("see https://a.org/x.") is therefore
 *   part of that link and costs nothing extra; an upper-case "HTTPS://" is not a link for the API
 *   (its pattern has no case-insensitive flag), so it is not one here either.
 * - Everything else counts one per Unicode code point, the unit a JSON Schema `maxLength` counts.
 *   An emoji outside the Basic Multilingual Plane is 1 (not the 2 UTF-16 units of `.length`), a
 *   ZWJ family emoji is as many code points as it is built from, and "é" written as e + combining
 *   accent is 2. This can exceed what a person sees as "characters", which is the safe side: a note
 *   we accept is never rejected for length.
 */
export const NOTE_MAX_LENGTH = 280;

const urlPattern = /https?:\/\/\S+/g;

export function extractUrls(text: string): string[] {
  return text.match(urlPattern) ?? [];
}

export function noteLength(text: string): number {
  let length = 0;
  // String iteration walks code points, so a lone surrogate counts as one, like a pair does.
  for (const part of text.split(urlPattern)) length += [...part].length;
  return length + extractUrls(text).length;
}
