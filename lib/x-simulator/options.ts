import type { SimApp, SimWriter } from "./authenticate";
import { demoCredentials } from "./credentials";
import type { FaultRuleInput } from "./faults";
import { lowRateLimits, realRateLimits, type RateLimits } from "./rate-limits";
import { defaultVariants, type ResponseVariants } from "./variants";

export type SimWriterConfig = Omit<SimWriter, "admitted" | "noteWriter" | "oauth2UserToken"> & {
  oauth2UserToken?: string | null;
  admitted?: boolean;
  noteWriter?: boolean;
};

export type XSimulatorOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The demo data set is a pure function of this seed (and `datedAsOf`). */
  seed?: number;
  /**
   * Epoch ms to date the demo data set as of: its test feed and the live feed's first released posts end
   * just before it, so post ages look like a fresh feed's. Other moments give other post ids; keep one per
   * database. Default: the fixed dates (December 2025 to January 2026) that tests rely on.
   */
  datedAsOf?: number;
  /** Wall clock in epoch ms; inject one to make rate limits and OAuth timestamps deterministic. */
  now?: () => number;
  /** 6 requests a minute and 3 notes a day instead of X's 90 per 15 minutes and 250 a day. */
  lowLimits?: boolean;
  rateLimits?: Partial<RateLimits>;
  app?: Partial<SimApp>;
  /** Default: the one demo writer of `demoCredentials`. */
  writers?: SimWriterConfig[];
  variants?: Partial<ResponseVariants>;
  faults?: FaultRuleInput[];
  /** How far an OAuth timestamp may stray from the wall clock. Default 300 s. */
  oauthTimestampWindowSeconds?: number;
  /** Test-note evaluators answer "unknown" until a note is this old (simulated). Default 60 s. */
  scoringDelayMs?: number;
  /** Receives one line per request. */
  log?: (line: string) => void;
};

export type ResolvedOptions = {
  host: string;
  port: number;
  seed: number;
  datedAsOf: number | undefined;
  now: () => number;
  rateLimits: RateLimits;
  app: SimApp;
  writers: SimWriter[];
  variants: ResponseVariants;
  faults: FaultRuleInput[];
  oauthTimestampWindowSeconds: number;
  scoringDelayMs: number;
  log: (line: string) => void;
};

export const DEFAULT_SEED = 20260115;

export function resolveOptions(options: XSimulatorOptions): ResolvedOptions {
  const writers = options.writers ?? [
    {
      id: demoCredentials.writer.id,
      username: demoCredentials.writer.username,
      accessToken: demoCredentials.writer.accessToken,
      accessTokenSecret: demoCredentials.writer.accessTokenSecret,
      oauth2UserToken: demoCredentials.writer.oauth2UserToken,
    },
  ];
  return {
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    seed: options.seed ?? DEFAULT_SEED,
    datedAsOf: options.datedAsOf,
    now: options.now ?? Date.now,
    rateLimits: { ...(options.lowLimits ? lowRateLimits : realRateLimits), ...options.rateLimits },
    app: { ...demoCredentials.app, enrolled: true, ...options.app },
    writers: writers.map((w) => ({ ...w, oauth2UserToken: w.oauth2UserToken ?? null, admitted: w.admitted ?? false, noteWriter: w.noteWriter ?? true })),
    variants: { ...defaultVariants, ...options.variants },
    faults: options.faults ?? [],
    oauthTimestampWindowSeconds: options.oauthTimestampWindowSeconds ?? 300,
    scoringDelayMs: options.scoringDelayMs ?? 60_000,
    log: options.log ?? (() => {}),
  };
}
