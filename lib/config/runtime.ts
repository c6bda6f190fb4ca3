import "server-only";

import { env, type Env } from "./env";

/** What Notedesk is connected to, described without a single secret: for Settings and logs. */
export type ConfigurationSummary = {
  database: { label: string; embedded: boolean };
  xApi: { baseUrl: string; auth: "OAuth 1.0a user context" | "OAuth 2.0 user token" | "none"; simulated: boolean } | null;
  llm: { provider: "xai" | "openai-compatible" | "offline"; model: string; endpoint: string | null };
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function xCredentials(config: Env = env()) {
  if (config.X_USER_ACCESS_TOKEN) return { kind: "oauth2" as const, userAccessToken: config.X_USER_ACCESS_TOKEN };
  if (config.X_API_KEY && config.X_API_KEY_SECRET && config.X_ACCESS_TOKEN && config.X_ACCESS_TOKEN_SECRET) {
    return {
      kind: "oauth1" as const,
      consumerKey: config.X_API_KEY,
      consumerSecret: config.X_API_KEY_SECRET,
      accessToken: config.X_ACCESS_TOKEN,
      accessTokenSecret: config.X_ACCESS_TOKEN_SECRET,
    };
  }
  return null;
}

export function llmChoice(config: Env = env()) {
  const provider = config.LLM_PROVIDER ?? (config.XAI_API_KEY ? "xai" : "offline");
  if (provider === "xai") return { provider, model: config.XAI_MODEL ?? "grok-4", endpoint: "https://api.x.ai" } as const;
  if (provider === "openai-compatible") {
    return { provider, model: config.OPENAI_COMPATIBLE_MODEL ?? "", endpoint: config.OPENAI_COMPATIBLE_BASE_URL ?? null } as const;
  }
  return { provider, model: "offline-drafter-v1", endpoint: null } as const;
}

export function configurationSummary(config: Env = env()): ConfigurationSummary {
  const credentials = xCredentials(config);
  const baseUrl = config.X_API_BASE_URL ?? "https://api.x.com";
  return {
    database: describeDatabase(config),
    xApi: credentials
      ? {
          baseUrl,
          auth: credentials.kind === "oauth1" ? "OAuth 1.0a user context" : "OAuth 2.0 user token",
          simulated: LOOPBACK.has(new URL(baseUrl).hostname),
        }
      : null,
    llm: llmChoice(config),
  };
}

function describeDatabase(config: Env): ConfigurationSummary["database"] {
  if (!config.DATABASE_URL) return { label: "not configured", embedded: false };
  const url = new URL(config.DATABASE_URL);
  const port = url.port || "5432";
  return {
    label: `PostgreSQL at ${url.hostname}:${port}${url.pathname}`,
    embedded: LOOPBACK.has(url.hostname) && Number(port) === config.EMBEDDED_PG_PORT,
  };
}
