import type { DraftingProvider, GenerationRequest } from "../provider";

/** A provider that replies with the given texts in order (an Error is thrown instead) and records each request. */
export function scriptedProvider(
  replies: readonly (string | Error)[],
  usage: { inputTokens: number | null; outputTokens: number | null } = { inputTokens: 100, outputTokens: 20 },
): DraftingProvider & { requests: GenerationRequest[] } {
  const requests: GenerationRequest[] = [];
  return {
    id: "openai-compatible",
    model: "scripted-test-model",
    requests,
    async generate(request) {
      requests.push(request);
      const reply = replies[requests.length - 1];
      if (reply === undefined) throw new Error(`scripted provider has no reply #${requests.length}`);
      if (reply instanceof Error) throw reply;
      return { text: reply, usage, latencyMs: 5 };
    },
  };
}
