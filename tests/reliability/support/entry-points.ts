import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every file that can define a server entry point: route handlers (`route.ts` under app/) and any
 * module under app/, lib/ or components/ that is a "use server" module or calls defineAction / defineRoute.
 * Importing them all fills lib/auth's registries with every action and route the app has, including
 * ones added after these tests were written.
 */
const ROOTS = ["app", "lib", "components"];
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : walk(full);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) ? [full] : [];
  });
}

export type EntryModule = { file: string; kind: "route" | "actions" };

export function entryPointModules(root = process.cwd()): EntryModule[] {
  const files = ROOTS.flatMap((dir) => walk(path.join(root, dir)));
  const modules: EntryModule[] = [];
  for (const file of files) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    if (relative.startsWith("lib/auth/")) continue; // the definitions themselves
    if (relative.startsWith("app/") && /\/route\.(ts|tsx)$/.test(relative)) {
      modules.push({ file: relative, kind: "route" });
      continue;
    }
    const text = readFileSync(file, "utf8");
    if (/^\s*["']use server["']/m.test(text.slice(0, 400)) || /\bdefine(Action|Route)\s*\(/.test(text)) {
      modules.push({ file: relative, kind: "actions" });
    }
  }
  return modules.sort((a, b) => a.file.localeCompare(b.file));
}

/** The HTTP methods a route module exports. */
export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** A registered entry point and how to call it directly, as the browser would reach it. */
export type EntryPoint =
  | { name: string; kind: "action"; file: string; exportName: string; call: (input: unknown) => Promise<unknown> }
  | { name: string; kind: "route"; file: string; method: string; call: (request: Request) => Promise<Response> };

/**
 * Imports every entry-point module and pairs each exported function with the name it registered
 * under. `named` is filled by the test's wrapped defineAction / defineRoute (see the tests' vi.mock).
 */
export async function loadEntryPoints(named: Map<unknown, string>, root = process.cwd()) {
  const modules = entryPointModules(root);
  const loaded = new Map<string, Record<string, unknown>>();
  for (const entry of modules) loaded.set(entry.file, (await import(path.resolve(root, entry.file))) as Record<string, unknown>);
  const points: EntryPoint[] = [];
  for (const { file, kind } of modules) {
    for (const [exportName, value] of Object.entries(loaded.get(file) ?? {})) {
      const name = named.get(value);
      if (!name) continue;
      if (kind === "route") points.push({ name, kind: "route", file, method: exportName, call: value as (request: Request) => Promise<Response> });
      else points.push({ name, kind: "action", file, exportName, call: value as (input: unknown) => Promise<unknown> });
    }
  }
  return { modules, loaded, points };
}
