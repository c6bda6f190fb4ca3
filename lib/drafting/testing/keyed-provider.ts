import type { DraftAnswerJson, ReviseAnswerJson } from "../output/answers";
import type { DraftingProvider, DraftingTask } from "../provider";

type Reply = string | Error;

/**
 * A provider whose reply depends on the post, not on call order, so tests that draft many posts at
 * once stay deterministic. Counts calls per post id and the most calls ever in flight together.
 */
export function keyedProvider(
  reply: (task: DraftingTask) => Reply,
  options: { latencyMs?: number } = {},
): DraftingProvider & { callsFor(postId: string): number; calls: number; maxInFlight: number } {
  const perPost = new Map<string, number>();
  let inFlight = 0;
  const provider = {
    id: "openai-compatible" as const,
    model: "keyed-test-model",
    calls: 0,
    maxInFlight: 0,
    callsFor: (postId: string) => perPost.get(postId) ?? 0,
    async generate({ task }: { task: DraftingTask }) {
      provider.calls += 1;
      perPost.set(task.post.id, (perPost.get(task.post.id) ?? 0) + 1);
      inFlight += 1;
      provider.maxInFlight = Math.max(provider.maxInFlight, inFlight);
      try {
        if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
        const answer = reply(task);
        if (answer instanceof Error) throw answer;
        return { text: answer, usage: { inputTokens: 120, outputTokens: 40 }, latencyMs: options.latencyMs ?? 1 };
      } finally {
        inFlight -= 1;
      }
    },
  };
  return provider;
}

export const noteReply = (text = "The photo is from 2019, not today: https://www.reuters.com/fact-check/flood-photo-2019"): string =>
  JSON.stringify({
    decision: "write_note",
    rationale: "The image predates the event it claims to show.",
    note: { text, classification: "misinformed_or_potentially_misleading", misleading_tags: ["outdated_information"], trustworthy_sources: true },
  } satisfies DraftAnswerJson);

export const abstainReply = (): string =>
  JSON.stringify({ decision: "no_note_needed", rationale: "This is a personal opinion.", note: null } satisfies DraftAnswerJson);

export const reviseReply = (
  suggestionIds: readonly string[],
  options: { text: string; story: ReviseAnswerJson["story_assessment"]; status?: "YES" | "NO" | "PARTIALLY" },
): string =>
  JSON.stringify({
    story_assessment: options.story,
    rationale: "Answered the reviewers' suggestions.",
    note: { text: options.text, classification: "misinformed_or_potentially_misleading", misleading_tags: ["outdated_information"], trustworthy_sources: true },
    suggestions: suggestionIds.map((id) => ({ id, incorporated_status: options.status ?? "YES", explanation: "Done as asked." })),
  } satisfies ReviseAnswerJson);
