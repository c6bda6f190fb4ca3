import { readText } from "./text-features";
import { wordHash, type Words } from "./words";

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
 * has such characters. A word lookup per word is what keeps triage within its share of ingest time:
 * the phrases are a tree of words, and a post's words are looked up by a hash read in place, so
 * matching makes no string (docs/triage.md, Figures).
 */
export function cueMatcher<K extends string>(lists: Record<K, readonly string[]>): (words: Words, cjkText: string | null) => CueMatches<K> {
  const kindsOf = new Map<string, K[]>();
  for (const kind of Object.keys(lists) as K[]) {
    for (const phrase of lists[kind]) {
      const key = CJK.test(phrase) ? phrase : wordsOf(phrase).join(" ");
      kindsOf.set(key, [...(kindsOf.get(key) ?? []), kind]);
    }
  }
  const cjkPhrases = [...kindsOf.keys()].filter((p) => CJK.test(p));
  const vocabulary = new Vocabulary([...kindsOf.keys()].filter((p) => !CJK.test(p)).flatMap((p) => p.split(" ")));
  // The phrases as a tree of words: node 0 is the root, a node's child by word id is at `node · size + id`.
  const size = vocabulary.words.length;
  const children = new Map<number, number>();
  const phraseAt: (string | null)[] = [null];
  const mayStart = new Uint32Array((slot(0x3ff, MAX_LENGTH) >>> 5) + 1);
  for (const key of kindsOf.keys()) {
    if (CJK.test(key)) continue;
    const words = key.split(" ");
    let node = 0;
    for (const word of words) {
      const edge = node * size + vocabulary.idOf(word);
      let child = children.get(edge);
      if (child === undefined) {
        child = phraseAt.push(null) - 1;
        children.set(edge, child);
      }
      node = child;
    }
    phraseAt[node] = key;
    const first = words[0] ?? "";
    const at = slot(first.charCodeAt(0), first.length);
    mayStart[at >>> 5] = (mayStart[at >>> 5] ?? 0) | (1 << (at & 31));
  }

  return (words, cjkText) => {
    // Most posts match few kinds: a list is made only for a kind that has a match.
    const found: CueMatches<K> = {};
    for (let i = 0; i < words.length; i++) {
      if (!has(mayStart, slot(words.firstUnit(i), words.size(i)))) continue;
      // The longest phrase starting at word i: down the tree as far as the words go.
      let longest: string | null = null;
      let end = i;
      for (let k = i, node = 0; k < words.length; k++) {
        const id = vocabulary.idIn(words, k);
        const child = id < 0 ? undefined : children.get(node * size + id);
        if (child === undefined) break;
        node = child;
        if (phraseAt[node]) {
          longest = phraseAt[node]!;
          end = k;
        }
      }
      if (longest !== null) {
        note(found, kindsOf, longest);
        i = end;
      }
    }
    if (cjkText !== null) for (const phrase of cjkPhrases) if (cjkText.includes(phrase)) note(found, kindsOf, phrase);
    return found;
  };
}

/** The phrases' words, each with an id, found from a post's word by its hash (open addressing; the table at most half full). */
class Vocabulary {
  readonly words: string[];
  readonly #ids: Map<string, number>;
  readonly #hashes: number[];
  readonly #table: Int32Array;

  constructor(words: readonly string[]) {
    this.words = [...new Set(words)];
    this.#ids = new Map(this.words.map((word, id) => [word, id]));
    this.#hashes = this.words.map(wordHash);
    this.#table = new Int32Array(2 ** Math.ceil(Math.log2(this.words.length * 2 + 2))).fill(-1);
    this.words.forEach((_, id) => {
      let at = this.#hashes[id]! & (this.#table.length - 1);
      while (this.#table[at]! >= 0) at = (at + 1) & (this.#table.length - 1);
      this.#table[at] = id;
    });
  }

  idOf(word: string): number {
    return this.#ids.get(word) ?? -1;
  }

  /** The id of the post's word `i`, or -1 when no phrase has it. */
  idIn(words: Words, i: number): number {
    const hash = words.hash(i);
    const mask = this.#table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = this.#table[at]!;
      if (id < 0) return -1;
      if (this.#hashes[id] === hash && words.is(i, this.words[id]!)) return id;
    }
  }
}

function note<K extends string>(found: CueMatches<K>, kindsOf: ReadonlyMap<string, readonly K[]>, phrase: string): void {
  for (const kind of kindsOf.get(phrase) ?? []) {
    const list = found[kind];
    if (!list) found[kind] = [phrase];
    else if (!list.includes(phrase)) list.push(phrase);
  }
}
