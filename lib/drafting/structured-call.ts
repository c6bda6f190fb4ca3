import type { z } from "zod";

import { parseAnswer } from "./output/answers";
import type { PromptedRequest } from "./prompts/build-request";
import type { DraftingProvider, GenerationResult } from "./provider";

/** Where a draft or revision came from, stored beside it and shown to reviewers. */
export type Provenance = {
  provider: DraftingProvider["id"];
  model: string;
  promptVersion: string;
  /** Summed over attempts. */
  latencyMs: number;
  /** Summed over attempts; null when any attempt's count is unknown. */
  inputTokens: number | null;
  outputTokens: number | null;
  attempts: number;
};

export type CallOptions = {
  /** Extra attempts after an unusable answer, each told what was wrong. Default 2. */
  maxRetries?: number;
  temperature?: number;
  maxOutputTokens?: number;
  abortSignal?: AbortSignal;
};

export type StructuredResult<T> =
  | {
      ok: true;
      value: T;
      rawOutput: string;
      provenance: Provenance;
    }
  | { ok: false; reason: string; rawOutput: string | null; provenance: Provenance };

export const DEFAULT_MAX_RETRIES = 2;

/**
 * Asks the provider, parses its answer with `schema`, and on a malformed, truncated or rule-breaking
 * answer (`problemsOf`) asks again with the problem spelled out, a bounded number of times. A parsed
 * answer that still breaks a rule after the last attempt is returned: the caller judges it. Never
 * throws for provider or model failures: they come back as `ok: false` with the last raw output kept.
 */
export async function callForStructuredAnswer<T>(
  provider: DraftingProvider,
  { promptVersion, request }: PromptedRequest,
  schema: z.ZodType<T>,
  problemsOf: (value: T) => string[],
  options: CallOptions = {},
): Promise<StructuredResult<T>> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new RangeError("maxRetries must be a whole number ≥ 0");

  const results: GenerationResult[] = [];
  const provenance = (): Provenance => ({
    provider: provider.id,
    model: provider.model,
    promptVersion,
    latencyMs: results.reduce((total, r) => total + r.latencyMs, 0),
    inputTokens: sum(results.map((r) => r.usage.inputTokens)),
    outputTokens: sum(results.map((r) => r.usage.outputTokens)),
    attempts: results.length,
  });

  const messages = [...request.messages];
  let lastProblem = "";
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    let result: GenerationResult;
    try {
      result = await provider.generate({
        ...request,
        messages: [...messages],
        temperature: options.temperature ?? request.temperature,
        maxOutputTokens: options.maxOutputTokens,
        abortSignal: options.abortSignal,
      });
    } catch (error) {
      return {
        ok: false,
        reason: `The ${provider.id} provider failed: ${error instanceof Error ? error.message : String(error)}`,
        rawOutput: results.at(-1)?.text ?? null,
        provenance: provenance(),
      };
    }
    results.push(result);

    const parsed = parseAnswer(result.text, schema);
    const problems = parsed.ok ? problemsOf(parsed.value) : [parsed.error];
    if (parsed.ok && (problems.length === 0 || attempt === maxRetries)) {
      return { ok: true, value: parsed.value, rawOutput: result.text, provenance: provenance() };
    }
    lastProblem = problems.join(" ");
    messages.push(
      { role: "assistant", content: result.text },
      {
        role: "user",
        content: `Your answer could not be used: ${lastProblem} Reply again with only the corrected JSON object.`,
      },
    );
  }
  return {
    ok: false,
    reason: `No usable answer after ${results.length} attempts. Last problem: ${lastProblem}`,
    rawOutput: results.at(-1)?.text ?? null,
    provenance: provenance(),
  };
}

function sum(values: readonly (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((total, v) => total + (v ?? 0), 0);
}
