import "server-only";

import { env } from "@/lib/config/env";
import { xCredentials } from "@/lib/config/runtime";
import { DomainError } from "@/lib/errors";

import { createXClient, type XClient } from "./client";
import { createRateBudget, type RateBudget } from "./rate-budget";

// One budget per process, shared by every client it makes, so the web server's and a job's calls
// count against the same 90 / 15 min. Across processes X's rate-limit headers keep counts in step.
const holder = globalThis as typeof globalThis & { notedeskXBudget?: RateBudget };

/** The X client as configured (the simulator in the demo), or a clear error when it is not. */
export function appXClient(): XClient {
  const config = env();
  const auth = xCredentials(config);
  if (!auth) {
    throw new DomainError(
      "unavailable",
      "The X API is not configured: set X_API_KEY, X_API_KEY_SECRET, X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET (or X_USER_ACCESS_TOKEN).",
    );
  }
  holder.notedeskXBudget ??= createRateBudget();
  return createXClient({ baseUrl: config.X_API_BASE_URL ?? "https://api.x.com", auth, rateBudget: holder.notedeskXBudget });
}
