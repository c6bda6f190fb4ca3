/**
 * A post's words as text-features.ts finds them, for the phrase lists (cue-matcher.ts), lower-cased:
 * as strings only when asked for, since most are never looked at (the phrase lists look a word up
 * only when its first letter and length can start a phrase, then by its hash read in place).
 */
export class Words {
  constructor(
    private readonly text: string,
    /** The text lower-cased, when that kept every character where it was. */
    private readonly lower: string | null,
    /** Where word i starts and ends: `spans[2i]`, `spans[2i + 1]`. */
    private readonly spans: readonly number[],
  ) {}

  get length(): number {
    return this.spans.length >> 1;
  }

  at(i: number): string {
    const { spans } = this;
    return this.lower ? this.lower.slice(spans[2 * i], spans[2 * i + 1]) : this.text.slice(spans[2 * i], spans[2 * i + 1]).toLowerCase();
  }

  /** The lower-cased word's first UTF-16 unit and its length: enough to rule most words out. */
  firstUnit(i: number): number {
    return this.lower ? this.lower.charCodeAt(this.spans[2 * i]!) : this.at(i).charCodeAt(0);
  }

  size(i: number): number {
    return this.lower ? this.spans[2 * i + 1]! - this.spans[2 * i]! : this.at(i).length;
  }

  /** `wordHash` of the lower-cased word, read in place: no string is made. */
  hash(i: number): number {
    const { lower } = this;
    if (!lower) return wordHash(this.at(i));
    let hash = HASH_SEED;
    for (let k = this.spans[2 * i]!, end = this.spans[2 * i + 1]!; k < end; k++) hash = Math.imul(hash ^ lower.charCodeAt(k), HASH_PRIME);
    return hash;
  }

  /** Whether the lower-cased word is `word`, compared in place. */
  is(i: number, word: string): boolean {
    const { lower } = this;
    if (!lower) return this.at(i) === word;
    const start = this.spans[2 * i]!;
    if (this.spans[2 * i + 1]! - start !== word.length) return false;
    for (let k = 0; k < word.length; k++) if (lower.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
    return true;
  }

  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

// FNV-1a over UTF-16 units, as a signed 32-bit integer (a small integer to V8, never a boxed number):
// a word's hash for the phrase lists' tables, the same from a string or in place.
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

export function wordHash(word: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), HASH_PRIME);
  return hash;
}
