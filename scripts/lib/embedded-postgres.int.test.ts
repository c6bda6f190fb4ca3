import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { freePort } from "@/tests/support/test-server";

import { EmbeddedPostgresError, EmbeddedPostgresRunningError, startEmbeddedPostgres } from "./embedded-postgres";
import { checkConnection } from "./postgres";

const dir = await mkdtemp(join(tmpdir(), "notedesk-embedded-"));
await chmod(dir, 0o755); // when root, the server runs as `postgres` and must be able to enter it
afterAll(() => rm(dir, { recursive: true, force: true }));
const dataDir = join(dir, "data");

describe("startEmbeddedPostgres", () => {
  it("starts with the database created, and a second start says it is already running", async () => {
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port });
    try {
      await checkConnection(server.url);
      expect(server.url).toBe(`postgresql://postgres:notedesk@127.0.0.1:${port}/notedesk`);

      const second = startEmbeddedPostgres({ dataDir, port: await freePort() });
      await expect(second).rejects.toBeInstanceOf(EmbeddedPostgresRunningError);
      await expect(second).rejects.toThrow(
        `Notedesk's embedded database is already running (pid ${process.pid}, port ${port}) — stop the other \`npm run demo\` first`,
      );
    } finally {
      await server.stop();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  // Only root hands the server to another user; as anyone else the server runs as oneself.
  it.runIf(process.getuid?.() === 0)("as root, names the folder the postgres user may not enter instead of hanging", async () => {
    const closed = await mkdtemp(join(tmpdir(), "notedesk-closed-")); // mkdtemp makes it 0700
    try {
      await expect(startEmbeddedPostgres({ dataDir: join(closed, "data"), port: await freePort() })).rejects.toThrow(`may not enter ${closed}`);
    } finally {
      await rm(closed, { recursive: true, force: true });
    }
  });

  it("names the port and the variable to change when the port is taken", async () => {
    const taken = net.createServer();
    taken.listen(0, "127.0.0.1");
    await once(taken, "listening");
    const { port } = taken.address() as net.AddressInfo;
    try {
      const start = startEmbeddedPostgres({ dataDir, port });
      await expect(start).rejects.toBeInstanceOf(EmbeddedPostgresError);
      await expect(start).rejects.toThrow(`Port ${port} is already in use`);
      await expect(start).rejects.toThrow(/EMBEDDED_PG_PORT/);
    } finally {
      taken.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("recovers from a run that was killed: its lock is taken over and its orphaned server stopped", async () => {
    const port = await freePort();
    const crashed = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import=tsx",
        "--input-type=module",
        "--eval",
        `const { startEmbeddedPostgres } = await import(${JSON.stringify(join(import.meta.dirname, "embedded-postgres.ts"))});
         const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
         console.log("ready");
         setInterval(() => {}, 60_000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await once(crashed.stdout, "data");
    crashed.kill("SIGKILL");
    await once(crashed, "exit");
    await checkConnection(`postgresql://postgres:notedesk@127.0.0.1:${port}/notedesk`); // the orphan still serves

    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    try {
      await checkConnection(server.url);
      await expect(checkConnection(`postgresql://postgres:notedesk@127.0.0.1:${port}/notedesk`)).rejects.toThrow(
        /nothing is listening/,
      );
    } finally {
      await server.stop();
    }
  });

  it("ignores a leftover postmaster.pid whose pid now belongs to some other live process", async () => {
    const port = await freePort();
    await writeFile(join(dataDir, "postmaster.pid"), `${process.pid}\n${dataDir}\n0\n${port}\n`);
    const server = await startEmbeddedPostgres({ dataDir, port });
    await checkConnection(server.url);
    await server.stop();
  });
});
