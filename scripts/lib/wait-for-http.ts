import { setTimeout as sleep } from "node:timers/promises";

import { ScriptError } from "./main";

/** Resolves once `url` answers at all (any status): the server is up and routing. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new ScriptError(`The web server did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s; see the output above.`);
}
