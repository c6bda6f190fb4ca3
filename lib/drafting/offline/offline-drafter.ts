import { setTimeout as delay } from "node:timers/promises";

import type { DraftAnswerJson, ReviseAnswerJson } from "../output/answers";
import type { DraftingProvider, DraftingTask } from "../provider";
import { offlineDraftAnswer } from "./draft-answer";
import { offlineReviseAnswer } from "./revise-answer";

export const OFFLINE_MODEL = "offline-drafter-v1";

export type OfflineDrafterOptions = {
  /** Wait this long per call, to make benchmarks and demos feel like a real model. Default 0. */
  simulatedLatencyMs?: number;
};

/**
 * A rule-based stand-in for a model, so Notedesk works with no API key. It says what it is (provider
 * "offline", model "offline-drafter-v1") and answers in JSON text like a real model, so its drafts go
 * through the same parsing, checks and retries. Deterministic: the same post gets the same draft.
 */
export function createOfflineDrafter({ simulatedLatencyMs = 0 }: OfflineDrafterOptions = {}): DraftingProvider {
  return {
    id: "offline",
    model: OFFLINE_MODEL,
    async generate({ task, abortSignal }) {
      const started = performance.now();
      if (simulatedLatencyMs > 0) await delay(simulatedLatencyMs, undefined, { signal: abortSignal });
      abortSignal?.throwIfAborted();
      return {
        text: JSON.stringify(answer(task)),
        usage: { inputTokens: 0, outputTokens: 0 },
        latencyMs: Math.round(performance.now() - started),
      };
    },
  };
}

function answer(task: DraftingTask): DraftAnswerJson | ReviseAnswerJson {
  return task.kind === "draft"
    ? offlineDraftAnswer(task.post, task.promptVersion === "draft-v2" ? "concise" : "standard")
    : offlineReviseAnswer(task.post, task.currentRevision, task.suggestions);
}

