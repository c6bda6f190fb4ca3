const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Words as the phrase lists spell them: letters and digits, with the apostrophes of "n'importe" and
// "shouldn't" and the slash of "/s" inside.
const WORD = /[\p{L}\p{N}'/]+/gu;

const wordsOf = (text: string) => text.toLowerCase().match(WORD) ?? [];

/** Which phrases of each kind a text contains: distinct, lower-cased, in the order they first occur. Kinds with none are absent. */
export type CueMatches<K extends string> = Partial<Record<K, string[]>>;

/**
 * Finds the phrases of several lists in one pass over a post's words, against a table built once:
 * whole words only (so "will" does not fire inside "willing"), the longest phrase first where
 * phrases overlap ("selon moi" is opinion, not the "selon" of a source). Japanese and Chinese put
 * no spaces between words, so their phrases are looked for as substrings, and only in text that
 * has such characters. A word lookup per word is what keeps triage within its share of ingest time.
 */
export function cueMatcher<K extends string>(lists: Record<K, readonly string[]>): (text: string) => CueMatches<K> {
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
  for (const key of kindsOf.keys()) {
    if (CJK.test(key)) continue;
    const words = key.split(" ");
    const first = words[0] ?? "";
    lengthsByFirstWord.set(first, [...new Set([...(lengthsByFirstWord.get(first) ?? []), words.length])].sort((a, b) => b - a));
  }

  return (text) => {
    // Most posts match few kinds: a list is made only for a kind that has a match.
    const found: CueMatches<K> = {};
    const note = (phrase: string) => {
      for (const kind of kindsOf.get(phrase) ?? []) {
        const list = (found[kind] ??= []);
        if (!list.includes(phrase)) list.push(phrase);
      }
    };
    const words = wordsOf(text);
    for (let i = 0; i < words.length; i++) {
      for (const length of lengthsByFirstWord.get(words[i] ?? "") ?? []) {
        const phrase = length === 1 ? (words[i] ?? "") : words.slice(i, i + length).join(" ");
        if (kindsOf.has(phrase)) {
          note(phrase);
          i += length - 1;
          break;
        }
      }
    }
    if (cjkPhrases.length && CJK.test(text)) for (const phrase of cjkPhrases) if (text.includes(phrase)) note(phrase);
    return found;
  };
}
