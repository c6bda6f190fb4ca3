/**
 * npm run db:migrate | db:migrate:new -- <name> [--create-only] | db:status
 *
 * Works on DATABASE_URL, or without it on the embedded database (the running one if `npm run
 * demo` has it up, else started just for this command).
 */
import { spawnSync } from "node:child_process";
import { relative } from "node:path";

import { loadDotEnv } from "../lib/load-env";
import { runMain, ScriptError } from "../lib/main";
import { databaseName, serverLabel } from "../lib/postgres-url";
import { openScriptDatabase } from "../lib/script-database";
import { applyMigrations, createMigration, migrationStatus, type MigrationStatus } from "./migrate";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

async function migrate(url: string, where: string): Promise<void> {
  const { applied, createdDatabase } = await applyMigrations(url);
  if (createdDatabase) console.log(`Created database ${where}.`);
  if (applied.length === 0) console.log(`${where} is up to date.`);
  else console.log(`Applied ${plural(applied.length, "migration")} to ${where}:\n${applied.map((n) => `  ${n}`).join("\n")}`);
}

async function create(url: string, where: string, args: string[]): Promise<void> {
  const createOnly = args.includes("--create-only");
  const name = args.filter((arg) => arg !== "--create-only").join("_");
  const migration = await createMigration(url, name, { createOnly });
  for (const pending of migration.appliedFirst) console.log(`Applied pending migration ${pending} first.`);
  if (migration.warnings.length > 0) {
    console.log(`\n⚠ Data loss:\n${migration.warnings.map((w) => `  - ${w}`).join("\n")}\n`);
  }
  const path = relative(process.cwd(), migration.path);
  console.log(
    migration.applied
      ? `Created and applied ${path} to ${where}.`
      : `Created ${path}. Edit it if needed, then run \`npm run db:migrate\`.`,
  );
  // As `prisma migrate dev` does: the client should know the new schema straight away.
  spawnSync("npm", ["run", "--silent", "db:generate"], { stdio: "inherit" });
}

function formatStatus(status: MigrationStatus, where: string): string {
  const list = (names: string[]) => names.map((name) => `\n  ${name}`).join("");
  const applied = status.local.length - status.pending.length - status.failed.length;
  const lines = [`${where}: ${plural(status.local.length, "migration")}, ${applied} applied.`];
  if (status.pending.length) lines.push(`Pending (npm run db:migrate):${list(status.pending)}`);
  if (status.failed.length) lines.push(`Failed (see "A migration failed" in docs/database.md):${list(status.failed)}`);
  if (status.edited.length) lines.push(`Edited after being applied:${list(status.edited)}`);
  if (status.missing.length) lines.push(`Applied but missing from prisma/migrations:${list(status.missing)}`);
  if (status.drift) lines.push(status.drift);
  if (status.unmigratedChanges) lines.push("prisma/schema.prisma has changes no migration makes yet (npm run db:migrate:new -- <name>).");
  if (lines.length === 1) lines.push("In sync: nothing pending, no drift.");
  return lines.join("\n");
}

async function main(command: string | undefined, args: string[]): Promise<void> {
  const commands: Record<string, (url: string, where: string) => Promise<void>> = {
    migrate,
    new: (url, where) => create(url, where, args),
    status: async (url, where) => console.log(formatStatus(await migrationStatus(url), where)),
  };
  const run = command ? commands[command] : undefined;
  if (!run) throw new ScriptError("Usage: tsx scripts/db/cli.ts migrate | new <name> [--create-only] | status");

  loadDotEnv();
  const database = await openScriptDatabase();
  try {
    await run(database.url, `${serverLabel(database.url)}/${databaseName(database.url)}`);
  } finally {
    await database.close();
  }
}

runMain(() => main(process.argv[2], process.argv.slice(3)));
