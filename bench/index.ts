import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm run bench`: every benchmark under bench/, one after another on this machine, each rewriting
 * its section of docs/benchmarks.md. `next build` runs first (the queue, notes, load and first-load
 * benchmarks measure the production build). A benchmark is any bench/<name>/run.ts; it runs through
 * its npm script (`bench:<name>`, or `load`) when there is one. One failing does not stop the rest;
 * the command fails at the end if any did.
 */
const ORDER = ["ingest", "drafting", "triage", "queue", "notes", "first-load", "load"];

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const found = readdirSync("bench", { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join("bench", entry.name, "run.ts")))
  .map((entry) => entry.name)
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

function commandFor(name: string): string[] {
  const script = [`bench:${name}`, name].find((candidate) => scripts[candidate]?.includes(`bench/${name}/run.ts`));
  if (script) return ["npm", "run", "--silent", script];
  return [process.execPath, "--import", "tsx", "--conditions=react-server", `bench/${name}/run.ts`];
}

function run(label: string, [command, ...args]: string[]): Promise<{ label: string; ok: boolean; seconds: number }> {
  const started = performance.now();
  console.log(`\n━━ ${label}: ${[command, ...args].join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command as string, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.once("exit", (code) => resolve({ label, ok: code === 0, seconds: (performance.now() - started) / 1000 }));
  });
}

async function main() {
  const results = [await run("next build", [process.execPath, path.resolve("node_modules/next/dist/bin/next"), "build"])];
  if (!results[0]?.ok) process.exit(1);
  for (const name of found) results.push(await run(name, commandFor(name)));
  console.log("\n━━ bench summary");
  for (const r of results) console.log(`  ${r.ok ? "ok    " : "FAILED"} ${r.label.padEnd(12)} ${r.seconds.toFixed(0).padStart(5)} s`);
  console.log("Figures: docs/benchmarks.md");
  if (results.some((r) => !r.ok)) process.exit(1);
}

void main();
