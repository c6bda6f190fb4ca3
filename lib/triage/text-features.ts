import { Words } from "./words";

/**
 * What triage reads from a post's text, in one pass over its characters: links, words (for the
 * phrase lists), figures and years, quotations, capitalised names, and length. One scan over a
 * table of character classes, instead of a regular expression per feature, is what keeps triage
 * within its share of ingest time (docs/triage.md, Figures). Everything but the phrase lists works
 * the same in every language the demo feed has (names excepted in Japanese, which has no capitals).
 */

export type TextReading = {
  /** How many links the text has. A link reads as blank space: its digits and capitals say nothing. */
  links: number;
  /** The words in order (letters, digits, apostrophes, "/"), lower-cased, for the phrase lists. */
  words: Words;
  /** The text (links blanked) when it has Japanese or Chinese characters: their phrases are looked for as substrings. */
  cjkText: string | null;
  /** Concrete figures: "40%", "4,800", "$3.5", "84 %"; not "K2", "#12", "@user9", "COVID-19". */
  numbers: readonly string[];
  /** Bare years 1900–2099: they date a claim but are no figure. */
  years: readonly string[];
  /** Quoted speech of two words or more (four CJK characters): a one-word scare quote does not count. */
  quotes: readonly string[];
  /** Runs of capitalised words that are not just a sentence's first word: "Port Alder", "Mayor Elena Voss". */
  names: readonly string[];
  /** Latin, Greek and Cyrillic words and numbers, plus one word per two CJK characters. */
  wordCount: number;
  /** Characters, a link counting as one. */
  proseLength: number;
};

// What a character is, as bit flags: its Unicode classes, then the roles some punctuation plays.
const LETTER = 1 << 0; // \p{L}
const UPPER = 1 << 1; // \p{Lu}
const DIGIT = 1 << 2; // \p{Nd}: what a figure is made of
const NUMERIC = 1 << 3; // \p{N}: digits and other numerals, which belong to words
const LGC = 1 << 4; // Latin, Greek or Cyrillic: the scripts words are counted in
const CJK = 1 << 5; // Han, Hiragana, Katakana
const SPACE = 1 << 6;
/** Besides letters and numerals, a word holds apostrophes ("n'importe", "shouldn't") and slashes ("/s"). */
const IN_WORD = 1 << 7;
/** A figure right after one of these is part of a name or tag: "K2", "#12", "@user9", "COVID-19". */
const NAME_PART = 1 << 8;
const CURRENCY = 1 << 9;
const SENTENCE_END = 1 << 10;
/** May stand between a sentence's end and its next first word: quotes and brackets. */
const OPENING = 1 << 11;
const QUOTE_OPENER = 1 << 12;
/** "@" or "#": what follows is a handle or a tag. */
const TAG = 1 << 13;

const roles: [string, number][] = [
  ["'/", IN_WORD],
  ["#@_/.,-", NAME_PART],
  ["$€£¥₹", CURRENCY],
  [".!?…:;—–", SENTENCE_END],
  ["\"“«„「([", OPENING],
  ["\"“«„「『", QUOTE_OPENER],
  ["@#", TAG],
];

function classify(code: number): number {
  const char = String.fromCodePoint(code);
  let flags = 0;
  if (/\p{L}/u.test(char)) flags |= LETTER | IN_WORD;
  if (/\p{Lu}/u.test(char)) flags |= UPPER;
  if (/\p{Nd}/u.test(char)) flags |= DIGIT;
  if (/\p{N}/u.test(char)) flags |= NUMERIC | IN_WORD | NAME_PART;
  if (/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(char)) flags |= LGC | NAME_PART;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) flags |= CJK;
  if (/\s/u.test(char)) flags |= SPACE;
  for (const [chars, role] of roles) if (chars.includes(char)) flags |= role;
  return flags;
}

// Each character's flags, worked out the first time it is seen: ASCII at once; the rest of the Basic
// Multilingual Plane in a table (0: not seen yet), read without hashing as a map would; emoji and
// other planes in a map.
const ascii = Int32Array.from({ length: 128 }, (_, code) => classify(code));
const SEEN = 1 << 14;
const plane0 = new Uint16Array(0x10000);
const otherPlanes = new Map<number, number>();

function flagsOf(code: number): number {
  if (code < 128) return ascii[code]!;
  if (code <= 0xffff) {
    const seen = plane0[code]!;
    if (seen) return seen & ~SEEN;
    const flags = classify(code);
    plane0[code] = flags | SEEN;
    return flags;
  }
  if (!(code <= 0x10ffff)) return 0; // NaN: charCodeAt past the end
  let flags = otherPlanes.get(code);
  if (flags === undefined) {
    flags = classify(code);
    otherPlanes.set(code, flags);
  }
  return flags;
}

const PERCENT = /\s?(?:%|％|percent|per cent|por ciento|pour cent|prozent|por cento)/iy;
const YEAR = /^(?:19|20)\d\d$/;
const LINK = /https?:\/\/\S+/iy;
const NAME_CONNECTORS = new Set(["of", "the", "de", "del", "la", "los", "las", "du", "des", "von", "der", "da", "do", "dos"]);
// Capitalised in English but no one's name.
const NOT_NAMES = new Set([
  "I", "I'm", "I've", "I'd", "I'll", "BREAKING", "RT", "OK", "LOL", "URGENT", "UPDATE",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
]);

/** "http" at `i`, in any case: only then is the link's regular expression worth running (most "h"s start a word). */
const startsLink = (text: string, i: number) =>
  (text.charCodeAt(i + 1) | 32) === 116 && (text.charCodeAt(i + 2) | 32) === 116 && (text.charCodeAt(i + 3) | 32) === 112;

/**
 * The words as the scan found them, for the names: where word i starts and ends (`spans[2i]`,
 * `spans[2i + 1]`) and what it is. Lists kept from text to text, grown when a text has more words than
 * any before: reading a post allocates no list per word (triage reads ten thousand posts a minute in a
 * big pull). Only ever read within one `readText`, which runs to its end before another can start.
 */
class Tokens {
  count = 0;
  readonly spans: number[] = [];
  readonly kinds: number[] = [];

  add(start: number, end: number, kind: number): void {
    this.spans[2 * this.count] = start;
    this.spans[2 * this.count + 1] = end;
    this.kinds[this.count++] = kind;
  }

  start(i: number): number {
    return this.spans[2 * i]!;
  }

  end(i: number): number {
    return this.spans[2 * i + 1]!;
  }
}
const tokens = new Tokens();
const CAPITAL = 1; // starts with a capital: it may begin or continue a name
const TAGGED = 2; // right after "@" or "#": a handle or a tag, which starts no name
const FIRST_IN_SENTENCE = 4; // capitalised anyway

/** The scan's state; one per text. */
class Scan {
  // Made at their first entry: most posts have no link, year or figure, or one.
  numbers: string[] | null = null;
  years: string[] | null = null;
  linkSpans: [number, number][] | null = null;
  cjk = 0;
  lgcWords = 0;
  /** Where the first opening quotation mark is, or -1. */
  quoteFrom = -1;
  #wordStart = -1;
  /** No character but whitespace and opening marks since a sentence ended (or the text began). */
  #sentenceOpen = true;

  constructor(readonly text: string) {}

  run(): void {
    const { text } = this;
    let previous = 0; // the flags of the character before, a link reading as a space
    let inLgcWord = false;
    let figureEnd = -1;
    for (let i = 0; i < text.length; ) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) code = text.codePointAt(i) ?? code;
      if ((code | 32) === 104 && startsLink(text, i)) {
        // "http": a link may start here.
        LINK.lastIndex = i;
        if (LINK.test(text)) {
          this.#endWord(i);
          this.linkSpans = add(this.linkSpans, [i, LINK.lastIndex]);
          i = LINK.lastIndex;
          previous = SPACE;
          inLgcWord = false;
          continue;
        }
      }
      const flags = code < 128 ? ascii[code]! : flagsOf(code);
      if (flags & IN_WORD) {
        if (this.#wordStart < 0) this.#wordStart = i;
        if (flags & DIGIT && i >= figureEnd && !(previous & NAME_PART)) figureEnd = this.#figure(i);
      } else {
        this.#endWord(i);
        if (code === 10 || flags & SENTENCE_END) this.#sentenceOpen = true;
        else if (!(flags & (SPACE | OPENING))) this.#sentenceOpen = false;
        if (flags & QUOTE_OPENER && this.quoteFrom < 0) this.quoteFrom = i;
      }
      if (flags & CJK) this.cjk += 1;
      const lgcWord = (flags & (LGC | NUMERIC)) !== 0;
      if (lgcWord && !inLgcWord) this.lgcWords += 1;
      inLgcWord = lgcWord;
      previous = flags;
      i += code > 0xffff ? 2 : 1;
    }
    this.#endWord(text.length);
  }

  #endWord(end: number): void {
    const start = this.#wordStart;
    if (start < 0) return;
    const { text } = this;
    tokens.add(
      start,
      end,
      (flagsOf(text.codePointAt(start) ?? 0) & UPPER ? CAPITAL : 0) |
        (start > 0 && flagsOf(text.charCodeAt(start - 1)) & TAG ? TAGGED : 0) |
        (this.#sentenceOpen ? FIRST_IN_SENTENCE : 0),
    );
    this.#wordStart = -1;
    this.#sentenceOpen = false;
  }

  /**
   * The figure starting at the digit at `at` (with a currency sign just before it, and a percent
   * after), filed under numbers or years; returns where it ends. A currency sign right after a
   * letter ("US$3") makes the figure part of a name too.
   */
  #figure(at: number): number {
    const { text } = this;
    let start = at;
    if (at > 0 && flagsOf(text.charCodeAt(at - 1)) & CURRENCY) start = at - 1;
    else if (at > 1 && flagsOf(text.charCodeAt(at - 1)) & SPACE && flagsOf(text.charCodeAt(at - 2)) & CURRENCY) start = at - 2;
    let end = at;
    for (;;) {
      while (end < text.length && flagsOf(text.charCodeAt(end)) & DIGIT) end += 1;
      const separator = text.charCodeAt(end);
      if ((separator === 44 || separator === 46) && flagsOf(text.charCodeAt(end + 1)) & DIGIT) end += 1;
      else break;
    }
    const digitsEnd = end;
    PERCENT.lastIndex = end;
    if (PERCENT.test(text)) end = PERCENT.lastIndex;
    if (start < at && start > 0 && flagsOf(text.charCodeAt(start - 1)) & NAME_PART) return end;
    const digits = text.slice(at, digitsEnd);
    if (start === at && end === digitsEnd && YEAR.test(digits)) this.years = add(this.years, digits);
    else this.numbers = add(this.numbers, text.slice(start, end).trim());
    return end;
  }
}

/** What a post has none of: one list for all of them. */
const NONE: readonly string[] = Object.freeze([]);

/** `list` with `item` added, made (at its size) when there is none yet. */
function add<T>(list: T[] | null, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

/** Reads the text once. German capitalises every noun, so there a name needs `minNameWords` = 2. */
export function readText(raw: string, { minNameWords = 1 }: { minNameWords?: number } = {}): TextReading {
  // Typographic apostrophes read as plain ones, as the phrase lists spell them.
  const text = raw.includes("’") || raw.includes("‘") ? raw.replace(/[’‘]/g, "'") : raw;
  // Lower-cased once; per word only where lower-casing moves characters ("İ" becomes two).
  const lower = text.toLowerCase();
  tokens.count = 0;
  const scan = new Scan(text);
  scan.run();
  const { linkSpans } = scan;
  const prose = linkSpans ? blank(text, linkSpans) : text;
  const linkChars = linkSpans ? linkSpans.reduce((sum, [start, end]) => sum + end - start, 0) : 0;
  const links = linkSpans?.length ?? 0;
  return {
    links,
    words: new Words(text, lower.length === text.length ? lower : null, tokens.spans.slice(0, 2 * tokens.count)),
    cjkText: scan.cjk > 0 ? prose : null,
    numbers: scan.numbers ?? NONE,
    years: scan.years ?? NONE,
    quotes: scan.quoteFrom >= 0 ? quotations(prose, scan.quoteFrom) : NONE,
    names: namesIn(prose, minNameWords),
    wordCount: scan.lgcWords + Math.ceil(scan.cjk / 2),
    proseLength: text.length - linkChars + links,
  };
}

/** The text with its links blanked out, character for character, so the words' positions still hold. */
function blank(text: string, spans: readonly [number, number][]): string {
  let out = "";
  let from = 0;
  for (const [start, end] of spans) {
    out += text.slice(from, start) + " ".repeat(end - start);
    from = end;
  }
  return out + text.slice(from);
}

// Each opening mark and the marks that close its quotation; a quotation holds at least a character and no line break.
const CLOSING: ReadonlyMap<number, readonly number[]> = new Map(
  (
    [
      ['"', '"'],
      ["“", "”"],
      ["«", "»"],
      ["„", "“”"],
      ["「", "」"],
      ["『", "』"],
    ] as const
  ).map(([open, close]) => [open.charCodeAt(0), Array.from(close, (mark) => mark.charCodeAt(0))]),
);
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Quoted speech, in any of the quotation styles, left to right, each quotation ending at the first
 * closing mark after its opening one; read only when the scan saw an opening mark, from the first.
 */
function quotations(prose: string, from: number): readonly string[] {
  let quotes: string[] | null = null;
  for (let i = from; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    const closing = flagsOf(code) & QUOTE_OPENER ? CLOSING.get(code) : undefined;
    if (closing === undefined) continue;
    let end = i + 1;
    while (end < prose.length && prose.charCodeAt(end) !== 10 && !closing.includes(prose.charCodeAt(end))) end += 1;
    if (end === i + 1 || end === prose.length || prose.charCodeAt(end) === 10) continue;
    const inner = prose.slice(i + 1, end).trim().replace(/\s+/g, " ");
    i = end;
    if (CJK_CHAR.test(inner) ? Array.from(inner).length >= 4 : inner.includes(" ")) quotes = add(quotes, inner);
  }
  return quotes ?? NONE;
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(flagsOf(text.charCodeAt(i)) & SPACE)) return false;
  return to > from;
}

/** The last word of the hyphen-joined run starting at word `i` ("Jean-Luc", "Rotheide-based"). */
function hyphenated(text: string, i: number): number {
  let j = i;
  while (j + 1 < tokens.count && tokens.start(j + 1) === tokens.end(j) + 1 && text.charCodeAt(tokens.end(j)) === 45) j += 1;
  return j;
}

/** The capitalised word that continues a name ending at word `last`, across spaces and a connector; -1 if none. */
function continuation(text: string, last: number): number {
  const { kinds, count } = tokens;
  const next = last + 1;
  if (next >= count || !onlySpace(text, tokens.end(last), tokens.start(next))) return -1;
  if (kinds[next]! & CAPITAL) return next;
  const after = next + 1;
  return after < count && kinds[after]! & CAPITAL && NAME_CONNECTORS.has(text.slice(tokens.start(next), tokens.end(next))) && onlySpace(text, tokens.end(next), tokens.start(after))
    ? after
    : -1;
}

/**
 * Names from the words: a capitalised word, joined to the next by hyphens and to further
 * capitalised words by spaces, with "of", "de", "von"… allowed between ("Bank of England"). A
 * sentence's first word is capitalised anyway: it counts only as part of a longer run. A run that
 * starts with a handle or a tag is none.
 */
function namesIn(text: string, minWords: number): readonly string[] {
  // Distinct, in order; a post names few, so a list is searched rather than a set made for each.
  let names: string[] | null = null;
  const { kinds } = tokens;
  for (let i = 0; i < tokens.count; i++) {
    const kind = kinds[i]!;
    if (!(kind & CAPITAL)) continue;
    let last = hyphenated(text, i);
    let capitalWords = 1;
    for (let next = continuation(text, last); next >= 0; next = continuation(text, last)) {
      last = hyphenated(text, next);
      capitalWords += 1;
    }
    const first = i;
    i = last;
    if (kind & TAGGED) continue;
    if (capitalWords - (kind & FIRST_IN_SENTENCE ? 1 : 0) < Math.max(1, minWords)) continue;
    const spelt = text.slice(tokens.start(first), tokens.end(last));
    const name = ODD_SPACE.test(spelt) ? spelt.replace(/\s+/g, " ") : spelt;
    if (NOT_NAMES.has(name)) continue;
    if (!names) names = [name];
    else if (!names.includes(name)) names.push(name);
  }
  return names ?? NONE;
}

/** Space a name is written with other than single blanks: two in a row, or a line break or tab. */
const ODD_SPACE = /\s\s|[^\S ]/;

const TOO_SHORT_WORDS = 4;
// Four words take well under this many characters; only shorter prose is worth counting.
const SURELY_LONG_ENOUGH = 60;

/** Fewer than four words: too little to hold a claim. */
export function isTooShort(reading: Pick<TextReading, "proseLength" | "wordCount">): boolean {
  return reading.proseLength < SURELY_LONG_ENOUGH && reading.wordCount < TOO_SHORT_WORDS;
}
