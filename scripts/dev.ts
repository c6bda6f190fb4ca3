import { loadDotEnv } from "./lib/load-env";
import { runMain } from "./lib/main";
import { serveNotedesk } from "./lib/serve";

/** `npm run dev`: the demo's defaults with Next.js's development server. */
runMain(async () => {
  loadDotEnv();
  await serveNotedesk({ name: "dev" });
});
