import { demoCredentials, startXSimulator, type XSimulator, type XSimulatorOptions } from "@/lib/x-simulator";

import { createXClient, type XClient, type XClientOptions } from "./client";
import type { XAuth } from "./transport";

/** Test-only helpers: the client wired to a fresh simulator, on a clock the test moves. */

export const demoOAuth1: XAuth = {
  kind: "oauth1",
  consumerKey: demoCredentials.app.consumerKey,
  consumerSecret: demoCredentials.app.consumerSecret,
  accessToken: demoCredentials.writer.accessToken,
  accessTokenSecret: demoCredentials.writer.accessTokenSecret,
};

export const demoOAuth2: XAuth = { kind: "oauth2", userAccessToken: demoCredentials.writer.oauth2UserToken };

/** One clock for simulator and client; `sleep` advances it instead of waiting. */
export function fakeClock(startMs = Date.UTC(2026, 1, 2, 9)) {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

export type SimulatedClient = {
  sim: XSimulator;
  client: XClient;
  clock: ReturnType<typeof fakeClock>;
  /** Another client on the same simulator and clock, e.g. with other credentials. */
  clientWith(options: Partial<XClientOptions>): XClient;
  /** Requests the simulator received, as "METHOD route outcome". */
  requests(): string[];
};

export async function startSimulatedClient(
  simulator: XSimulatorOptions = {},
  client: Partial<XClientOptions> = {},
): Promise<SimulatedClient> {
  const clock = fakeClock();
  const sim = await startXSimulator({ now: clock.now, ...simulator });
  const clientWith = (options: Partial<XClientOptions>) =>
    createXClient({
      baseUrl: sim.url,
      auth: demoOAuth1,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      timeoutMs: 2_000,
      ...client,
      ...options,
    });
  return {
    sim,
    client: clientWith({}),
    clock,
    clientWith,
    requests: () => sim.control.requests().map((r) => `${r.method} ${r.route ?? r.path} ${r.outcome}`),
  };
}

/** A note the simulator's rules score high on every evaluator. */
export const goodNoteText =
  "The official report published by the health board shows a 12% rise, not 48%. https://stats.valmora.gov/reports/2025/annual-summary";
