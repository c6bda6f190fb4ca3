import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What the e2e server tells the tests: where its X simulator listens. Written under test-results/,
 * which Playwright empties before it starts the server, so a stale file from an earlier run can't be read.
 */
export type E2eServerInfo = { simulatorUrl: string };

const FILE = path.resolve("test-results/e2e-server.json");

export function writeE2eServerInfo(info: E2eServerInfo): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify(info));
}

export function readE2eServerInfo(): E2eServerInfo {
  return JSON.parse(readFileSync(FILE, "utf8")) as E2eServerInfo;
}
