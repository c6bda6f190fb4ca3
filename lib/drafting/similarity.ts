import { extractUrls } from "@/lib/note-text";

/**
 * How alike two note texts read, from 0 (nothing shared) to 1 (the same wording), ignoring case,
 * punctuation, spacing and links (compare links separately). Dice coefficient over character
 * trigrams: robust to small edits and reordering, and explainable ("93% of the wording is shared").
 */
export function wordingSimilarity(a: string, b: string): number {
  const left = trigrams(normalise(a));
  const right = trigrams(normalise(b));
  const total = countOf(left) + countOf(right);
  if (total === 0) return 1;
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / total;
}

function normalise(text: string): string {
  const withoutLinks = extractUrls(text).reduce((rest, url) => rest.replace(url, " "), text);
  return withoutLinks
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  if (text === "") return grams;
  const chars = [...` ${text} `];
  for (let i = 0; i + 3 <= chars.length; i++) {
    const gram = chars.slice(i, i + 3).join("");
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function countOf(grams: Map<string, number>): number {
  let count = 0;
  for (const n of grams.values()) count += n;
  return count;
}
