import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import { ScriptError } from "./main";

export const DATA_DIR = path.resolve(".data");

export async function assertPortFree(port: number, variable: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => server.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
  if (!free) throw new ScriptError(`Port ${port} is already in use. Stop what is using it, or set ${variable} to another port.`);
}

/** A stable secret for signing sessions, made once per checkout so restarts keep people signed in. */
export function ensureAuthSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function runNext(args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), ...args], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
}

export function runToCompletion(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new ScriptError(`${what} failed (exit code ${code}); see the output above.`))));
  });
}
