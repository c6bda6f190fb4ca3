import { readText, type Words } from "./text-features";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// A phrase's words as a post's are read, so the two always split alike.
const wordsOf = (phrase: string) => readText(phrase).words.all();

// A word can start a phrase only if some phrase starts with a word of its first letter and length:
// one bit per (first UTF-16 unit, length) pair, read before any string is made or hashed. A bit set
// of 4 KB per phrase table stays in the processor's cache between pages.
const MAX_LENGTH = 31;
const slot = (unit: number, length: number) => (unit & 0x3ff) * (MAX_LENGTH + 1) + Math.min(length, MAX_LENGTH);
const has = (bits: Uint32Array, at: number) => (bits[at >>> 5]! & (1 << (at & 31))) !== 0;

/** Which phrases of each kind a text contains: distinct, lower-cased, in the order they first occur. Kinds with none are absent. */
export type CueMatches<K extends string> = Partial<Record<K, string[]>>;

/**
 * Finds the phrases of several lists in one pass over a post's words (text-features.ts), against a table built once:
 * whole words only (so "will" does not fire inside "willing"), the longest phrase first where
 * phrases overlap ("selon moi" is opinion, not the "selon" of a source). Japanese and Chinese put
 * no spaces between words, so their phrases are looked for as substrings, and only in text that
 * has such characters. A word lookup per word is what keeps triage within its share of ingest time.
 */
export function cueMatcher<K extends string>(lists: Record<K, readonly string[]>): (words: Words, cjkText: string | null) => CueMatches<K> {
  const kinds = Object.keys(lists) as K[];
  const kindsOf = new Map<string, K[]>();
  for (const kind of kinds) {
    for (const phrase of lists[kind]) {
      const key = CJK.test(phrase) ? phrase : wordsOf(phrase).join(" ");
      kindsOf.set(key, [...(kindsOf.get(key) ?? []), kind]);
    }
  }
  const cjkPhrases = [...kindsOf.keys()].filter((p) => CJK.test(p));
  // For each first word, the lengths (in words) of the phrases it starts, longest first.
  const lengthsByFirstWord = new Map<string, number[]>();
  const mayStart = new Uint32Array((slot(0x3ff, MAX_LENGTH) >>> 5) + 1);
  for (const key of kindsOf.keys()) {
    if (CJK.test(key)) continue;
    const words = key.split(" ");
    const first = words[0] ?? "";
    lengthsByFirstWord.set(first, [...new Set([...(lengthsByFirstWord.get(first) ?? []), words.length])].sort((a, b) => b - a));
    const at = slot(first.charCodeAt(0), first.length);
    mayStart[at >>> 5] = (mayStart[at >>> 5] ?? 0) | (1 << (at & 31));
  }

  return (words, cjkText) => {
    // Most posts match few kinds: a list is made only for a kind that has a match.
    const found: CueMatches<K> = {};
    for (let i = 0; i < words.length; i++) {
      if (!has(mayStart, slot(words.firstUnit(i), words.size(i)))) continue;
      const word = words.at(i);
      const lengths = lengthsByFirstWord.get(word);
      if (lengths === undefined) continue;
      for (const length of lengths) {
        const phrase = length === 1 ? word : phraseAt(words, i, length);
        if (kindsOf.has(phrase)) {
          note(found, kindsOf, phrase);
          i += length - 1;
          break;
        }
      }
    }
    if (cjkText !== null) for (const phrase of cjkPhrases) if (cjkText.includes(phrase)) note(found, kindsOf, phrase);
    return found;
  };
}

/** The `length` words from word `i`, joined by single spaces as the phrase lists are. */
function phraseAt(words: Words, i: number, length: number): string {
  let phrase = words.at(i);
  for (let k = 1; k < length && i + k < words.length; k++) phrase += ` ${words.at(i + k)}`;
  return phrase;
}

function note<K extends string>(found: CueMatches<K>, kindsOf: ReadonlyMap<string, readonly K[]>, phrase: string): void {
  for (const kind of kindsOf.get(phrase) ?? []) {
    const list = (found[kind] ??= []);
    if (!list.includes(phrase)) list.push(phrase);
  }
}
