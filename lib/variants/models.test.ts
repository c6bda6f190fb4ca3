import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/config/env";

import { resolveVariantModel } from "./models";

const offlineEnv = parseEnv({});
const xaiEnv = parseEnv({ XAI_API_KEY: "xai-secret", XAI_MODEL: "grok-4" });

describe("resolveVariantModel", () => {
  it("env follows whatever the environment configures, as drafting did before variants", () => {
    expect(resolveVariantModel({ provider: "env", model: null }, offlineEnv)).toEqual({ ok: true, label: "environment: offline · offline-drafter-v1", config: { provider: "offline" } });
    expect(resolveVariantModel({ provider: "env", model: null }, xaiEnv)).toEqual({
      ok: true,
      label: "environment: xai · grok-4",
      config: { provider: "xai", apiKey: "xai-secret", model: "grok-4" },
    });
  });

  it("a named model uses the environment's key or endpoint, and says what is missing when there is none", () => {
    expect(resolveVariantModel({ provider: "xai", model: "grok-3-mini" }, xaiEnv)).toMatchObject({ ok: true, config: { provider: "xai", model: "grok-3-mini", apiKey: "xai-secret" } });
    expect(resolveVariantModel({ provider: "xai", model: "grok-3-mini" }, offlineEnv)).toEqual({
      ok: false,
      label: "xai · grok-3-mini",
      problem: "xAI is not configured on this server: set XAI_API_KEY.",
    });
    expect(resolveVariantModel({ provider: "openai-compatible", model: "llama" }, offlineEnv)).toMatchObject({ ok: false, problem: expect.stringContaining("OPENAI_COMPATIBLE_BASE_URL") });
    const endpoint = parseEnv({ OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:8000/v1" });
    expect(resolveVariantModel({ provider: "openai-compatible", model: "llama" }, endpoint)).toMatchObject({
      ok: true,
      config: { provider: "openai-compatible", baseUrl: "http://127.0.0.1:8000/v1", model: "llama" },
    });
  });

  it("never puts a key in the label shown on the variants page", () => {
    for (const model of [{ provider: "env", model: null }, { provider: "xai", model: "grok-4" }] as const) {
      expect(resolveVariantModel(model, xaiEnv).label).not.toContain("xai-secret");
    }
  });
});
