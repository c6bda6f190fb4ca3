import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

import { runMain, ScriptError } from "../../scripts/lib/main";
import { environmentLine, markdownTable, writeBenchmarkSection } from "../lib/benchmarks-doc";

/**
 * bench/first-load (issue #7): the JavaScript a browser downloads to show /queue the first time,
 * against a bare page with React Query — the root layout alone (React, the Next.js runtime and the
 * root providers: React Query's client and the toasts), which every page pays. Read from the
 * production build's manifests (`next build` first): the framework's root files plus each route's
 * entry chunks, exactly the <script src> tags the server puts in the page (checked against a served
 * /queue while this was written); the nomodule polyfills modern browsers skip are left out.
 * Sizes gzipped (what travels) and raw. Goal: /queue ≤ 1.3× the bare page.
 */
const NEXT = ".next";

type Manifest = { entryJSFiles: Record<string, string[]> };

function clientManifests(): Map<string, Manifest> {
  const found = new Map<string, Manifest>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page_client-reference-manifest.js") {
        const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
        sandbox.globalThis = sandbox.self;
        runInNewContext(readFileSync(full, "utf8"), sandbox);
        const manifests = (sandbox.self as { __RSC_MANIFEST?: Record<string, Manifest> }).__RSC_MANIFEST ?? {};
        for (const [page, manifest] of Object.entries(manifests)) found.set(page, manifest);
      }
    }
  };
  walk(path.join(NEXT, "server", "app"));
  return found;
}

type Size = { files: number; raw: number; gzip: number };

function sizeOf(files: Iterable<string>): Size {
  let raw = 0;
  let gzip = 0;
  let count = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(NEXT, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    count += 1;
  }
  return { files: count, raw, gzip };
}

runMain(async () => {
  if (!existsSync(path.join(NEXT, "BUILD_ID"))) throw new ScriptError("No production build: run `npm run build` first.");
  const build = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifests = clientManifests();
  const entry = (page: string, segment: string) => {
    const manifest = manifests.get(page);
    const files = manifest?.entryJSFiles[`[project]/${segment}`];
    if (!files) throw new ScriptError(`no entry chunks for ${segment} in the build's ${page} manifest`);
    return files;
  };
  const firstLoad = (page: string, segment: string) => new Set([...build.rootMainFiles, ...entry(page, segment)]);

  const bare = firstLoad("/(app)/queue/page", "app/layout");
  const routes: [string, string, string][] = [
    ["/queue", "/(app)/queue/page", "app/(app)/queue/page"],
    ["/queue/[draftId]", "/(app)/queue/[draftId]/page", "app/(app)/queue/[draftId]/page"],
    ["/notes", "/(app)/notes/page", "app/(app)/notes/page"],
    ["/runs", "/(app)/runs/page", "app/(app)/runs/page"],
    ["/signin", "/signin/page", "app/signin/page"],
  ];
  const baseline = sizeOf(bare);
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const measured = routes.filter(([, page]) => manifests.has(page)).map(([route, page, segment]) => ({ route, size: sizeOf(firstLoad(page, segment)) }));
  const rows = [
    ["bare page with React Query (root layout: React, Next.js runtime, QueryClientProvider, toasts)", baseline.files, kib(baseline.raw), kib(baseline.gzip), "1.00×"],
    ...measured.map(({ route, size }) => [route, size.files, kib(size.raw), kib(size.gzip), `${(size.gzip / baseline.gzip).toFixed(2)}×`]),
  ];
  const table = markdownTable(["first load", "JS files", "raw (KiB)", "gzip (KiB)", "gzip ÷ bare"], rows);
  const queue = measured.find((m) => m.route === "/queue");
  if (!queue) throw new ScriptError("the build has no /queue page");
  const ratio = queue.size.gzip / baseline.gzip;
  const verdict = `First-load JS of /queue ÷ the bare page: **${ratio.toFixed(2)}×** gzipped, ${(queue.size.raw / baseline.raw).toFixed(2)}× raw (goal ≤ 1.3×: ${ratio <= 1.3 ? "met" : "NOT met"}); /queue adds ${kib(queue.size.gzip - baseline.gzip)} KiB gzipped to what every page loads.`;
  console.log(`${table}\n\n${verdict}`);
  writeBenchmarkSection(
    "First-load JS",
    `\`npm run bench:first-load\` (after \`next build\`): the JavaScript each page's HTML makes the browser fetch (the build's root files plus the route's entry chunks, from its manifests; nomodule polyfills left out), gzipped at level 6 as a server would send it. ${environmentLine()}\n\n${table}\n\n${verdict}`,
  );
});
