import "server-only";

import { z } from "zod";

/**
 * Every environment variable Notedesk reads, parsed once. Nothing else reads process.env
 * (scripts included), so `.env.example` and this schema are the whole configuration surface.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = optionalString.pipe(z.url({ message: "must be a URL such as https://api.x.com" }).optional());

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""], { message: 'must be "true" or "false"' })
  .optional()
  .transform((v) => v === "true" || v === "1");

const contactMessage = "must be a web page or an email address, such as https://notes.example.org/link-checker";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { message: "must start with postgresql://" })
        .optional(),
    ),
    EMBEDDED_PG_PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(54329),
    PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(3000),

    AUTH_SECRET: optionalString.pipe(z.string().min(32, { message: "must be at least 32 characters" }).optional()),
    NEXTAUTH_URL: optionalUrl,

    X_API_BASE_URL: optionalUrl,
    X_API_KEY: optionalString,
    X_API_KEY_SECRET: optionalString,
    X_ACCESS_TOKEN: optionalString,
    X_ACCESS_TOKEN_SECRET: optionalString,
    X_USER_ACCESS_TOKEN: optionalString,
    X_SIMULATOR_PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(4810),

    LLM_PROVIDER: z.enum(["xai", "openai-compatible", "offline"], {
      message: 'must be "xai", "openai-compatible" or "offline"',
    }).optional(),
    XAI_API_KEY: optionalString,
    XAI_MODEL: optionalString,
    OPENAI_COMPATIBLE_BASE_URL: optionalUrl,
    OPENAI_COMPATIBLE_API_KEY: optionalString,
    OPENAI_COMPATIBLE_MODEL: optionalString,
    /** Model calls in flight at once per drafting run. */
    DRAFTING_CONCURRENCY: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(100).default(4),
    /** The provider's requests-per-minute limit; unset: 60 for hosted models, none for the offline drafter. */
    LLM_REQUESTS_PER_MINUTE: z.coerce.number({ message: "must be a number" }).positive().optional(),

    /** Unset: no cap. Per-writer caps set in Settings → Controls take precedence. */
    LLM_DAILY_BUDGET_USD: optionalString.pipe(z.coerce.number<string | undefined>({ message: "must be a number of dollars" }).positive().optional()),
    LLM_MONTHLY_BUDGET_USD: optionalString.pipe(z.coerce.number<string | undefined>({ message: "must be a number of dollars" }).positive().optional()),
    /** evaluate_note ClaimOpinion score a note needs, for writers without a threshold of their own. */
    CLAIM_OPINION_MIN_SCORE: optionalString.pipe(z.coerce.number<string | undefined>({ message: "must be a number" }).default(0)),
    /** Unset: "simulated" when the X API is the loopback simulator, else "live" (lib/links/mode.ts). */
    LINK_CHECK_MODE: z.enum(["live", "simulated", "off"], { message: 'must be "live", "simulated" or "off"' }).optional(),
    /** Where a site owner reaches whoever runs this Notedesk about its link checks: named in the checker's User-Agent. */
    LINK_CHECK_CONTACT: optionalString.pipe(
      z
        // A URL is normalised, so whatever was typed ends up a valid header value.
        .union([z.url({ protocol: /^https?$/, message: contactMessage }).transform((v) => new URL(v).href), z.email({ message: contactMessage })], {
          message: contactMessage,
        })
        .optional(),
    ),

    NOTEDESK_SECURE_COOKIES: booleanFlag,
  })
  .superRefine((env, ctx) => {
    const oauth1 = [env.X_API_KEY, env.X_API_KEY_SECRET, env.X_ACCESS_TOKEN, env.X_ACCESS_TOKEN_SECRET];
    const set = oauth1.filter(Boolean).length;
    if (set > 0 && set < 4) {
      ctx.addIssue({
        code: "custom",
        path: ["X_API_KEY"],
        message: "OAuth 1.0a needs all four of X_API_KEY, X_API_KEY_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET",
      });
    }
    if (env.LLM_PROVIDER === "xai" && !env.XAI_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["XAI_API_KEY"], message: "is required when LLM_PROVIDER=xai" });
    }
    if (env.LLM_PROVIDER === "openai-compatible") {
      for (const key of ["OPENAI_COMPATIBLE_BASE_URL", "OPENAI_COMPATIBLE_MODEL"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when LLM_PROVIDER=openai-compatible" });
      }
    }
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (openssl rand -base64 32)" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
  );
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Parses process.env again. Only launcher scripts need this: they fill in DATABASE_URL and the
 * simulator's credentials after start-up, before the code that uses them runs.
 */
export function reloadEnv(): Env {
  cached = parseEnv(process.env);
  return cached;
}
