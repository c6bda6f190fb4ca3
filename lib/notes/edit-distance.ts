/**
 * Words inserted, deleted or replaced to turn the AI's draft into the note that was sent
 * (Levenshtein distance over words). Words rather than characters because that is how a reviewer
 * edits and reads a change, and because it stays cheap over thousands of notes: a note is ~40 words.
 */
export function wordEditDistance(before: string, after: string): number {
  const a = words(before);
  const b = words(after);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(replace, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== "");
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
