import { extractUrls } from "./length";

/**
 * The reference writer's style rules: no hashtags, no emoji, no "Community Note:" prefix.
 * Breaking them does not make X reject a note, but raters mark such notes down, so they are warnings.
 */

// A hashtag needs a letter (X does not link "#1") and must not be glued to a word ("C#", "a#b").
const hashtagPattern = /(?:^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/u;

// Emoji_Presentation covers pictographs drawn as emoji by default (and flag letters); the text-style
// ones ("❤", "©", "™") only count when forced into emoji form by the U+FE0F selector, so ordinary
// symbols such as © are not flagged.
const emojiPattern = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

const prefixPattern = /^\s*community\s+notes?\s*[:\-–—]/i;

export function containsHashtag(text: string): boolean {
  return hashtagPattern.test(withoutUrls(text));
}

export function containsEmoji(text: string): boolean {
  return emojiPattern.test(text);
}

export function hasCommunityNotePrefix(text: string): boolean {
  return prefixPattern.test(text);
}

/** Links legitimately contain "#fragment"s, so they are blanked out before looking for hashtags. */
function withoutUrls(text: string): string {
  return extractUrls(text).reduce((rest, url) => rest.replace(url, " "), text);
}
