/**
 * The vocabularies behind the simulator's evaluator rules (docs/x-simulator.md), in the demo languages.
 * Matched case-insensitively as whole words; Japanese entries as substrings.
 */
export const sourcingWords = [
  "according to", "report", "data", "official", "published", "records", "study", "figures", "statement", "census",
  "según", "informe", "datos", "oficial", "publicó",
  "d'après", "selon", "rapport", "données", "officiel",
  "laut", "bericht", "daten", "offiziell", "statistik",
  "segundo", "relatório", "dados", "publicou",
  "によると", "報告", "データ", "公式", "統計",
];

export const opinionWords = [
  "i think", "i believe", "in my opinion", "honestly", "obviously", "clearly", "everyone knows", "should", "terrible",
  "disgrace", "joke", "ridiculous", "best", "worst", "shameful",
  "creo que", "en mi opinión", "vergüenza", "sinceramente", "ridículo",
  "je pense", "à mon avis", "franchement", "honteux", "ridicule",
  "ich glaube", "meiner meinung", "ehrlich gesagt", "frechheit", "lächerlich",
  "eu acho", "na minha opinião", "piada", "vergonha",
  "と思う", "正直", "ひどい", "最悪",
];

export const insultWords = [
  "idiot", "idiots", "moron", "stupid", "dumb", "liar", "liars", "clown", "pathetic", "imbecile", "loser", "scum", "shut up",
  "idiota", "estúpido", "imbécil", "payaso", "mentiroso",
  "crétin", "abruti", "menteur", "imbécile", "ta gueule",
  "dummkopf", "lügner", "vollidiot", "trottel",
  "burro", "otário", "babaca",
  "バカ", "馬鹿", "アホ", "クズ", "嘘つき",
];

export const accusationPhrases = ["you people", "people like you", "wake up", "sheeple"];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function matcher(words: readonly string[]): (text: string) => number {
  const patterns = words.map((word) =>
    CJK.test(word) ? new RegExp(escape(word), "u") : new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, "iu"),
  );
  return (text) => patterns.filter((pattern) => pattern.test(text)).length;
}
