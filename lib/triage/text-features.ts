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
  numbers: string[];
  /** Bare years 1900–2099: they date a claim but are no figure. */
  years: string[];
  /** Quoted speech of two words or more (four CJK characters): a one-word scare quote does not count. */
  quotes: string[];
  /** Runs of capitalised words that are not just a sentence's first word: "Port Alder", "Mayor Elena Voss". */
  names: string[];
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

const ascii = Int32Array.from({ length: 128 }, (_, code) => classify(code));
const others = new Map<number, number>();

function flagsOf(code: number): number {
  if (code < 128) return ascii[code] ?? 0;
  if (Number.isNaN(code)) return 0; // charCodeAt past the end
  let flags = others.get(code);
  if (flags === undefined) {
    flags = classify(code);
    others.set(code, flags);
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

/**
 * The words as the scan found them, for the names: where each starts and ends, and what it is
 * (flat arrays, not an object per word: triage reads ten thousand posts a minute in a big pull).
 */
type Tokens = { starts: number[]; ends: number[]; kinds: number[] };
const CAPITAL = 1; // starts with a capital: it may begin or continue a name
const TAGGED = 2; // right after "@" or "#": a handle or a tag, which starts no name
const FIRST_IN_SENTENCE = 4; // capitalised anyway

/**
 * The words, lower-cased: as strings only when asked for, since most are never looked at (the
 * phrase lists look a word up only when its first letter and length can start a phrase).
 */
export class Words {
  constructor(
    private readonly text: string,
    /** The text lower-cased, when that kept every character where it was. */
    private readonly lower: string | null,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  get length(): number {
    return this.starts.length;
  }

  at(i: number): string {
    return this.lower ? this.lower.slice(this.starts[i], this.ends[i]) : this.text.slice(this.starts[i], this.ends[i]).toLowerCase();
  }

  /** The lower-cased word's first UTF-16 unit and its length: enough to rule most words out. */
  firstUnit(i: number): number {
    return this.lower ? this.lower.charCodeAt(this.starts[i]!) : this.at(i).charCodeAt(0);
  }

  size(i: number): number {
    return this.lower ? this.ends[i]! - this.starts[i]! : this.at(i).length;
  }

  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** The scan's state; one per text. */
class Scan {
  readonly tokens: Tokens = { starts: [], ends: [], kinds: [] };
  readonly numbers: string[] = [];
  readonly years: string[] = [];
  readonly linkSpans: [number, number][] = [];
  cjk = 0;
  lgcWords = 0;
  hasQuote = false;
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
      if (code === 104 || code === 72) {
        // "h": a link may start here.
        LINK.lastIndex = i;
        if (LINK.test(text)) {
          this.#endWord(i);
          this.linkSpans.push([i, LINK.lastIndex]);
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
        if (flags & QUOTE_OPENER) this.hasQuote = true;
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
    this.tokens.starts.push(start);
    this.tokens.ends.push(end);
    this.tokens.kinds.push(
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
    if (start === at && end === digitsEnd && YEAR.test(digits)) this.years.push(digits);
    else this.numbers.push(text.slice(start, end).trim());
    return end;
  }
}

/** Reads the text once. German capitalises every noun, so there a name needs `minNameWords` = 2. */
export function readText(raw: string, { minNameWords = 1 }: { minNameWords?: number } = {}): TextReading {
  // Typographic apostrophes read as plain ones, as the phrase lists spell them.
  const text = raw.includes("’") || raw.includes("‘") ? raw.replace(/[’‘]/g, "'") : raw;
  // Lower-cased once; per word only where lower-casing moves characters ("İ" becomes two).
  const lower = text.toLowerCase();
  const scan = new Scan(text);
  scan.run();
  const { linkSpans } = scan;
  const prose = linkSpans.length ? blank(text, linkSpans) : text;
  const linkChars = linkSpans.reduce((sum, [start, end]) => sum + end - start, 0);
  return {
    links: linkSpans.length,
    words: new Words(text, lower.length === text.length ? lower : null, scan.tokens.starts, scan.tokens.ends),
    cjkText: scan.cjk > 0 ? prose : null,
    numbers: scan.numbers,
    years: scan.years,
    quotes: scan.hasQuote ? quotations(prose) : [],
    names: namesIn(prose, scan.tokens, minNameWords),
    wordCount: scan.lgcWords + Math.ceil(scan.cjk / 2),
    proseLength: text.length - linkChars + linkSpans.length,
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

const QUOTATION = /"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»|„([^“”\n]+)[“”]|「([^」\n]+)」|『([^』\n]+)』/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Quoted speech, in any of the quotation styles; read only when the scan saw an opening mark. */
function quotations(prose: string): string[] {
  const quotes: string[] = [];
  for (const match of prose.matchAll(QUOTATION)) {
    const inner = (match.slice(1).find((group) => group !== undefined) ?? "").trim().replace(/\s+/g, " ");
    if (CJK_CHAR.test(inner) ? Array.from(inner).length >= 4 : inner.split(" ").length >= 2) quotes.push(inner);
  }
  return quotes;
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(flagsOf(text.charCodeAt(i)) & SPACE)) return false;
  return to > from;
}

/** The last word of the hyphen-joined run starting at word `i` ("Jean-Luc", "Rotheide-based"). */
function hyphenated(text: string, { starts, ends }: Tokens, i: number): number {
  let j = i;
  while (j + 1 < starts.length && starts[j + 1] === ends[j]! + 1 && text.charCodeAt(ends[j]!) === 45) j += 1;
  return j;
}

/** The capitalised word that continues a name ending at word `last`, across spaces and a connector; -1 if none. */
function continuation(text: string, { starts, ends, kinds }: Tokens, last: number): number {
  const next = last + 1;
  if (next >= starts.length || !onlySpace(text, ends[last]!, starts[next]!)) return -1;
  if (kinds[next]! & CAPITAL) return next;
  const after = next + 1;
  return after < starts.length && kinds[after]! & CAPITAL && NAME_CONNECTORS.has(text.slice(starts[next], ends[next])) && onlySpace(text, ends[next]!, starts[after]!)
    ? after
    : -1;
}

/**
 * Names from the words: a capitalised word, joined to the next by hyphens and to further
 * capitalised words by spaces, with "of", "de", "von"… allowed between ("Bank of England"). A
 * sentence's first word is capitalised anyway: it counts only as part of a longer run. A run that
 * starts with a handle or a tag is none.
 */
function namesIn(text: string, tokens: Tokens, minWords: number): string[] {
  const names = new Set<string>();
  const { starts, ends, kinds } = tokens;
  for (let i = 0; i < starts.length; i++) {
    const kind = kinds[i]!;
    if (!(kind & CAPITAL)) continue;
    let last = hyphenated(text, tokens, i);
    let capitalWords = 1;
    for (let next = continuation(text, tokens, last); next >= 0; next = continuation(text, tokens, last)) {
      last = hyphenated(text, tokens, next);
      capitalWords += 1;
    }
    const first = i;
    i = last;
    if (kind & TAGGED) continue;
    const name = text.slice(starts[first], ends[last]).replace(/\s+/g, " ");
    if (capitalWords - (kind & FIRST_IN_SENTENCE ? 1 : 0) >= Math.max(1, minWords) && !NOT_NAMES.has(name)) names.add(name);
  }
  return [...names];
}

const TOO_SHORT_WORDS = 4;
// Four words take well under this many characters; only shorter prose is worth counting.
const SURELY_LONG_ENOUGH = 60;

/** Fewer than four words: too little to hold a claim. */
export function isTooShort(reading: Pick<TextReading, "proseLength" | "wordCount">): boolean {
  return reading.proseLength < SURELY_LONG_ENOUGH && reading.wordCount < TOO_SHORT_WORDS;
}
