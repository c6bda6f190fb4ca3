import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

import { CANARY_MARKER, canaryBuildEnv, secretCanaries } from "./canaries";

/**
 * `next build` with a recognisable fake value in every secret variable (canaries.ts), then a marker
 * naming them. `npm run test:e2e` builds this way, so tests/e2e/security.spec.ts can prove the
 * bundles and pre-rendered files browsers get carry none of the configured secrets. The build is
 * otherwise the ordinary production build: nothing reads secrets at build time.
 */
const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...canaryBuildEnv() },
});
child.once("exit", (code) => {
  if (code !== 0) process.exit(code ?? 1);
  writeFileSync(CANARY_MARKER, JSON.stringify({ builtAt: new Date().toISOString(), canaries: Object.keys(secretCanaries) }, null, 2));
  console.log(`Built with secret canaries in the environment (${Object.keys(secretCanaries).length} values); marker ${CANARY_MARKER}.`);
});
