import { existsSync } from "node:fs";

import { loadDotEnv } from "./lib/load-env";
import { runMain } from "./lib/main";
import { serveNotedesk } from "./lib/serve";

/** `npm run demo`: all of Notedesk with nothing configured, on a production build. */
runMain(async () => {
  loadDotEnv();
  const reuseBuild = process.argv.includes("--skip-build") && existsSync(".next/BUILD_ID");
  await serveNotedesk({ name: "demo", build: !reuseBuild });
});
