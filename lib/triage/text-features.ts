/**
 * What triage reads from a post's text without any word list: links, numbers, years, quotations,
 * capitalised names and length. They work the same in every language the demo feed has (names
 * excepted in Japanese, which has no capitals).
 */

const URL = /https?:\/\/\S+/giu;

/** The links, and the prose without them: a link's digits and capitals say nothing about the claim. */
export function splitLinks(text: string): { links: string[]; prose: string } {
  const links = text.match(URL) ?? [];
  return { links, prose: links.length ? text.replace(URL, " ") : text };
}

const NUMBER = /([$€£¥₹]\s?)?(\p{Nd}+(?:[.,]\p{Nd}+)*)(\s?(?:%|％|percent|per cent|por ciento|pour cent|prozent|por cento))?/giu;
// A figure right after one of these is part of a name or tag: "K2", "#12", "@user9", "COVID-19".
// Checked on the one character before a match: a lookbehind would run at every position of every post.
const PART_OF_NAME = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}#@_/.,-]/u;
const YEAR = /^(?:19|20)\d\d$/;

/** Concrete figures ("40%", "4,800", "$3.5") and, apart, bare years: a year dates a claim but is no figure. */
export function figures(prose: string): { numbers: string[]; years: string[] } {
  const numbers: string[] = [];
  const years: string[] = [];
  for (const { 0: match, 1: currency, 2: digits, 3: percent, index } of prose.matchAll(NUMBER)) {
    const before = prose[index - 1];
    if (before !== undefined && PART_OF_NAME.test(before)) continue;
    if (!currency && !percent && digits && YEAR.test(digits)) years.push(digits);
    else numbers.push(match.trim());
  }
  return { numbers, years };
}

const QUOTATION = /"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»|„([^“”\n]+)[“”]|「([^」\n]+)」|『([^』\n]+)』/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Quoted speech. One quoted word is a scare quote ("seen"), not someone's words, and does not count. */
export function quotations(prose: string): string[] {
  return Array.from(prose.matchAll(QUOTATION), (m) => (m.slice(1).find((g) => g !== undefined) ?? "").trim()).filter((inner) =>
    CJK.test(inner) ? Array.from(inner).length >= 4 : inner.split(/\s+/).length >= 2,
  );
}

const CAPITALISED = /\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|the|de|del|la|los|las|du|des|von|der|da|do|dos)\s+)?\p{Lu}[\p{L}\p{N}'’-]*)*/gu;
// A capital inside a word ("McDonald") or a handle or tag starts no name.
const INSIDE_WORD = /[\p{L}\p{N}'’@#]/u;
const SENTENCE_END = /[.!?…:;\n—–]/u;
// Capitalised in English but no one's name.
const NOT_NAMES = new Set([
  "I", "I'm", "I've", "I'd", "I'll", "BREAKING", "RT", "OK", "LOL", "URGENT", "UPDATE",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
]);

/**
 * Runs of capitalised words that are not merely a sentence's first word: "Port Alder", "Mayor Elena
 * Voss", "Kestrel Pharmaceuticals". German capitalises every noun, so there `minWords` is 2.
 */
export function namedEntities(prose: string, minWords = 1): string[] {
  const names = new Set<string>();
  for (const match of prose.matchAll(CAPITALISED)) {
    const before = prose[match.index - 1];
    if (before !== undefined && INSIDE_WORD.test(before)) continue;
    const name = match[0];
    // A sentence's first word is capitalised anyway: it counts only as part of a longer run.
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length - (startsSentence(prose, match.index) ? 1 : 0);
    if (words >= Math.max(1, minWords) && !NOT_NAMES.has(name)) names.add(name);
  }
  return [...names];
}

function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 4), index).replace(/[\s"“«„「(\[]+$/u, "");
  return before === "" || SENTENCE_END.test(before.at(-1) ?? "");
}

const TOO_SHORT_WORDS = 4;
// Four words take well under this many characters; only shorter prose is worth counting.
const SURELY_LONG_ENOUGH = 60;

/** Fewer than four words: too little to hold a claim. */
export function isTooShort(prose: string): boolean {
  return prose.length < SURELY_LONG_ENOUGH && wordCount(prose) < TOO_SHORT_WORDS;
}

/** Words in the prose; Japanese and Chinese count one word per two characters. */
export function wordCount(prose: string): number {
  const cjk = prose.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const words = prose.match(/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]+/gu)?.length ?? 0;
  return words + Math.ceil(cjk / 2);
}
