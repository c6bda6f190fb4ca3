import { existsSync } from "node:fs";

/**
 * Scripts run outside Next.js, which is what loads `.env` for the app; call this before the first
 * `env()` so a script sees the same configuration the app does. Real environment variables win.
 */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
