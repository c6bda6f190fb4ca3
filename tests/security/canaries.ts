/**
 * Recognisable fake values for every secret Notedesk reads. `npm run test:e2e` builds with them in
 * the environment (build-with-canaries.ts), and tests/e2e/security.spec.ts then searches everything
 * the build serves to browsers for them: none may appear.
 */
export const secretCanaries = {
  AUTH_SECRET: "canaryAuthSecret7f3e9c1d5b2a4e6f8091a2b3c4d5e6f7",
  X_API_KEY: "canaryXApiKey4b1e7d0c9a8f",
  X_API_KEY_SECRET: "canaryXApiKeySecret2c5f8a1b4d7e0f3a6",
  X_ACCESS_TOKEN: "1700000000000000999-canaryXAccessToken9d2e5f",
  X_ACCESS_TOKEN_SECRET: "canaryXAccessTokenSecret6a3b0c7d4e1f",
  X_USER_ACCESS_TOKEN: "canaryXUserAccessToken8e5f2a9b6c3d",
  XAI_API_KEY: "xai-canaryXaiApiKey3f0a7b4c1d8e5f2a9b",
  OPENAI_COMPATIBLE_API_KEY: "sk-canaryOpenAiCompatibleKey5d2e9f6a3b",
  DATABASE_PASSWORD: "canaryDatabasePassword1e8f5a2b9c",
} as const;

/** The environment the canary build runs with. */
export function canaryBuildEnv(): Record<string, string> {
  const c = secretCanaries;
  return {
    AUTH_SECRET: c.AUTH_SECRET,
    X_API_KEY: c.X_API_KEY,
    X_API_KEY_SECRET: c.X_API_KEY_SECRET,
    X_ACCESS_TOKEN: c.X_ACCESS_TOKEN,
    X_ACCESS_TOKEN_SECRET: c.X_ACCESS_TOKEN_SECRET,
    X_USER_ACCESS_TOKEN: c.X_USER_ACCESS_TOKEN,
    XAI_API_KEY: c.XAI_API_KEY,
    OPENAI_COMPATIBLE_API_KEY: c.OPENAI_COMPATIBLE_API_KEY,
    OPENAI_COMPATIBLE_BASE_URL: "https://llm.invalid/v1",
    OPENAI_COMPATIBLE_MODEL: "canary-model",
    DATABASE_URL: `postgresql://notedesk:${c.DATABASE_PASSWORD}@127.0.0.1:1/notedesk`,
  };
}

/** Written into the build output, so the scan knows the build it reads was made with the canaries. */
export const CANARY_MARKER = ".next/notedesk-canary-build.json";
