import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { checkConnection, DatabaseConnectionError } from "../../scripts/lib/postgres";
import { withDatabase } from "../../scripts/lib/postgres-url";

/** The PostgreSQL server tests create their databases on, given as a URL to its `postgres` database. */
export type TestServer = { url: string; stop(): Promise<void> };

const DEFAULT_TEST_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A throwaway embedded PostgreSQL in a temp dir, for machines without a server of their own. */
async function temporaryServer(): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), "notedesk-test-pg-"));
  // When running as root the server runs as `postgres`, which must be able to enter the directory.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, "data"), port: await freePort(), database: "postgres" });
  return {
    url: withDatabase(server.url, "postgres"),
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * TEST_DATABASE_URL when given (and then it must work), else the local server on 5432, else a
 * temporary embedded one.
 */
export async function findTestServer(configured: string | undefined, fallback = DEFAULT_TEST_SERVER): Promise<TestServer> {
  const url = configured ?? fallback;
  try {
    await checkConnection(url);
    return { url, stop: async () => {} };
  } catch (error) {
    if (!(error instanceof DatabaseConnectionError)) throw error;
    if (configured) {
      throw new Error(`TEST_DATABASE_URL points at ${error.server}, which fails: ${error.reason}. Fix it, or unset it.`);
    }
    console.info(`No PostgreSQL at ${error.server} (${error.reason}); testing on a temporary embedded one.`);
    return temporaryServer();
  }
}
