import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createDraftingProvider } from "./create-provider";
import { draftPost } from "./draft-post";
import { makePost } from "./testing/posts";

/**
 * Drives the real AI SDK path: a tiny OpenAI-compatible server on localhost answers /chat/completions
 * with canned text, first malformed (a cut-off JSON object), then valid.
 */
type Received = { path: string | undefined; headers: IncomingHttpHeaders; body: { model: string; messages: { role: string; content: string }[] } };

const validAnswer = JSON.stringify({
  decision: "write_note",
  rationale: "The photo is from 2019.",
  note: {
    text: "This photo is from a 2019 flood in Valencia. https://apnews.com/article/valencia-2019",
    classification: "misinformed_or_potentially_misleading",
    misleading_tags: ["outdated_information"],
    trustworthy_sources: true,
  },
});
const UNAUTHORIZED = "<answer 401>";
const malformed = '```json\n{"decision": "write_note", "rationale": "The photo is from';

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let replies: string[] = [];

beforeAll(async () => {
  // ai@6 logs a notice when it runs @ai-sdk/xai@2's v2-spec model in compatibility mode; keep test output clean.
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      received.push({ path: req.url, headers: req.headers, body: JSON.parse(raw) });
      const content = replies[received.length - 1] ?? "";
      if (content === UNAUTHORIZED) {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "Incorrect API key provided", type: "invalid_request_error" } }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${received.length}`,
          object: "chat.completion",
          created: 1_763_700_000,
          model: "local-model",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
          usage: { prompt_tokens: 812, completion_tokens: 64, total_tokens: 876 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  replies = [malformed, validAnswer];
});

const post = makePost({
  noteRequests: [{ suggestionId: "r1", suggestion: "Old photo", sourceLink: "https://apnews.com/article/valencia-2019" }],
});

describe("createDraftingProvider", () => {
  it("drafts through an OpenAI-compatible endpoint: parses, retries malformed output and reports token usage", async () => {
    const provider = createDraftingProvider({ provider: "openai-compatible", baseUrl, apiKey: "test-key", model: "local-model" });
    const outcome = await draftPost(post, provider);

    expect(outcome).toMatchObject({
      kind: "note",
      note: { classification: "misinformed_or_potentially_misleading", misleadingTags: ["outdated_information"] },
      checks: { ok: true },
      provenance: {
        provider: "openai-compatible",
        model: "local-model",
        promptVersion: "draft-v1",
        attempts: 2,
        inputTokens: 1624,
        outputTokens: 128,
      },
    });
    expect(received.map((r) => r.path)).toEqual(["/v1/chat/completions", "/v1/chat/completions"]);
    expect(received[0]?.headers.authorization).toBe("Bearer test-key");
    expect(received[0]?.body.model).toBe("local-model");
    expect(received[0]?.body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(received[1]?.body.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(received[1]?.body.messages[2]?.content).toBe(malformed);
  });

  it("drafts through xAI's client against the same endpoint", async () => {
    replies = [validAnswer];
    const provider = createDraftingProvider({ provider: "xai", apiKey: "xai-test", model: "grok-4", baseUrl });
    const outcome = await draftPost(post, provider);
    expect(outcome).toMatchObject({ kind: "note", provenance: { provider: "xai", model: "grok-4", attempts: 1, inputTokens: 812, outputTokens: 64 } });
    expect(received[0]?.headers.authorization).toBe("Bearer xai-test");
  });

  it("turns an HTTP error from the endpoint into a failed outcome", async () => {
    replies = [UNAUTHORIZED];
    const provider = createDraftingProvider({ provider: "openai-compatible", baseUrl, apiKey: "wrong", model: "local-model" });
    expect(await draftPost(post, provider)).toMatchObject({
      kind: "failed",
      reason: "The openai-compatible provider failed: Incorrect API key provided",
      rawOutput: null,
      provenance: { attempts: 0 },
    });
  });

  it("creates the offline drafter without any key", () => {
    expect(createDraftingProvider({ provider: "offline" })).toMatchObject({ id: "offline", model: "offline-drafter-v1" });
  });
});
