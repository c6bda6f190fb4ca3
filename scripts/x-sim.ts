/**
 * Runs the X API simulator on its own: `npm run x-sim [-- --port 4810 --low-limits --seed 7 --admitted --quiet --dated-as-of now]`.
 * The port defaults to X_SIMULATOR_PORT (4810). See docs/x-simulator.md.
 */
import { parseArgs } from "node:util";

import { z } from "zod";

import { env } from "@/lib/config/env";
import { demoCredentials, startXSimulator } from "@/lib/x-simulator";

const { values: flags } = parseArgs({
  options: {
    port: { type: "string" },
    seed: { type: "string" },
    "low-limits": { type: "boolean", default: false },
    admitted: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    "dated-as-of": { type: "string" },
  },
});

/** "now" or an ISO 8601 moment: the data set's posts are dated as of it (docs/x-simulator.md, Dates). */
const datedAsOfFlag = z
  .union([z.literal("now").transform(() => Date.now()), z.iso.datetime({ offset: true }).transform((text) => Date.parse(text))])
  .optional();

function datedAsOf(raw: string | undefined): number | undefined {
  const parsed = datedAsOfFlag.safeParse(raw);
  if (!parsed.success) {
    console.error(`--dated-as-of must be "now" or an ISO date like 2026-11-21T09:00:00Z, got "${raw}"`);
    process.exit(2);
  }
  return parsed.data;
}

function integerFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) {
    console.error(`--${name} must be a whole number, got "${raw}"`);
    process.exit(2);
  }
  return Number(raw);
}

const simulator = await startXSimulator({
  port: integerFlag("port", flags.port) ?? env().X_SIMULATOR_PORT,
  seed: integerFlag("seed", flags.seed),
  lowLimits: flags["low-limits"],
  datedAsOf: datedAsOf(flags["dated-as-of"]),
  log: flags.quiet ? undefined : (line) => console.log(`[x-sim] ${line}`),
});
if (flags.admitted) simulator.control.admitWriter();

const { app, writer } = demoCredentials;
console.log(`X API simulator listening on ${simulator.url}${flags["low-limits"] ? " (low rate limits)" : ""}

Point Notedesk at it with:
  X_API_BASE_URL=${simulator.url}
  X_API_KEY=${app.consumerKey}
  X_API_KEY_SECRET=${app.consumerSecret}
  X_ACCESS_TOKEN=${writer.accessToken}
  X_ACCESS_TOKEN_SECRET=${writer.accessTokenSecret}
or, with an OAuth 2.0 user token instead of the four values above:
  X_USER_ACCESS_TOKEN=${writer.oauth2UserToken}

Demo writer @${writer.username} is ${flags.admitted ? "admitted (production works)" : "in test mode (POST /_sim/writers/" + writer.id + "/admit to admit)"}.
Control API: ${simulator.url}/_sim/state — see docs/x-simulator.md. Ctrl-C stops.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
