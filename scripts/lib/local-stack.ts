import { applyMigrations } from "../db/migrate";
import { env, reloadEnv, type Env } from "../../lib/config/env";
import { xCredentials } from "../../lib/config/runtime";
import { demoCredentials, startXSimulator, type XSimulator } from "../../lib/x-simulator";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { assertPortFree, ensureAuthSecret } from "./launch";
import { holdsPosts, simulatorEpoch } from "./simulator-epoch";

export type LocalStack = {
  config: Env;
  databaseUrl: string;
  embeddedDatabase: boolean;
  simulator: XSimulator | null;
  /** The moment the simulator dates its posts as of; undefined: its fixed dates. */
  simulatorDatedAsOf: number | undefined;
  stop(): Promise<void>;
};

/**
 * Brings up whatever the configuration leaves out: an embedded PostgreSQL when DATABASE_URL is
 * unset, the X API simulator when no X credentials are set, and a session secret. Everything it
 * fills in is written to process.env, so the web server and worker it starts see the same values.
 */
export async function startLocalStack(
  options: {
    databaseUrl?: string;
    simulatorPort?: number;
    /** Date the simulator's posts as of the demo's first start (simulator-epoch.ts), not at its fixed dates. */
    datedDemoData?: boolean;
  } = {},
): Promise<LocalStack> {
  const initial = env();
  await assertPortFree(initial.PORT, "PORT");

  let database: EmbeddedPostgres | null = null;
  const databaseUrl = options.databaseUrl ?? initial.DATABASE_URL ?? (database = await startEmbeddedPostgres()).url;
  let simulator: XSimulator | null = null;
  let datedAsOf: number | undefined;
  try {
    await applyMigrations(databaseUrl);

    if (!xCredentials(initial) && !initial.X_API_BASE_URL) {
      const port = options.simulatorPort ?? initial.X_SIMULATOR_PORT;
      if (port !== 0) await assertPortFree(port, "X_SIMULATOR_PORT");
      datedAsOf = options.datedDemoData ? simulatorEpoch(await holdsPosts(databaseUrl)) : undefined;
      simulator = await startXSimulator({ port, datedAsOf });
      Object.assign(process.env, {
        X_API_BASE_URL: simulator.url,
        X_API_KEY: demoCredentials.app.consumerKey,
        X_API_KEY_SECRET: demoCredentials.app.consumerSecret,
        X_ACCESS_TOKEN: demoCredentials.writer.accessToken,
        X_ACCESS_TOKEN_SECRET: demoCredentials.writer.accessTokenSecret,
      });
    }
    process.env.DATABASE_URL = databaseUrl;
    process.env.AUTH_SECRET ??= ensureAuthSecret();
    process.env.NEXTAUTH_URL ??= `http://localhost:${initial.PORT}`;
  } catch (error) {
    await simulator?.stop();
    await database?.stop();
    throw error;
  }

  return {
    config: reloadEnv(),
    databaseUrl,
    embeddedDatabase: database !== null,
    simulator,
    simulatorDatedAsOf: datedAsOf,
    async stop() {
      await simulator?.stop();
      await database?.stop();
    },
  };
}
