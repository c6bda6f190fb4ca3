export type Extraction = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/**
 * Finds the JSON object in a model's answer, which may come wrapped in a code fence or in prose.
 * Candidates are taken left to right; a balanced candidate that is not valid JSON is skipped as a
 * whole, so an object nested inside it is never mistaken for the answer.
 */
export function extractJsonObject(raw: string): Extraction {
  let firstError: string | undefined;
  for (let start = raw.indexOf("{"); start !== -1; ) {
    const end = closingBrace(raw, start);
    if (end === -1) {
      return {
        ok: false,
        error: `The JSON object that starts at character ${start + 1} never closes; the answer looks cut off.`,
      };
    }
    try {
      const value: unknown = JSON.parse(raw.slice(start, end + 1));
      if (isRecord(value)) return { ok: true, value };
    } catch (error) {
      firstError ??= `The answer is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`;
    }
    start = raw.indexOf("{", end + 1);
  }
  return { ok: false, error: firstError ?? "The answer contains no JSON object." };
}

/** Index of the brace closing the one at `start`, ignoring braces inside JSON strings; -1 if none. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
