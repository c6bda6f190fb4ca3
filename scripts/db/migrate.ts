import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";

import { ScriptError } from "../lib/main";
import { checkConnection, ensureDatabase } from "../lib/postgres";
import { type Schema, type SchemaEngine, withSchemaEngine } from "./engine";
import { readMigrations, writeMigration } from "./migrations-folder";

/**
 * `prisma migrate deploy`, `migrate dev --name` and `migrate status` on the schema engine's wasm
 * build, which needs no downloaded binary. Same migrations folder, same `_prisma_migrations`
 * bookkeeping, so the real CLI can take over at any time.
 */

export type MigrationPaths = { migrationsDir?: string; schemaPath?: string };

const DEFAULT_PATHS = {
  migrationsDir: fileURLToPath(new URL("../../prisma/migrations", import.meta.url)),
  schemaPath: fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url)),
};

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** A refusal that explains itself: print the message, not a stack. */
export class MigrationError extends ScriptError {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

async function readSchema(path: string): Promise<Schema> {
  return { path, content: await readFile(path, "utf8") };
}

/** Applies every migration not yet applied, creating the database first if needed. Idempotent. */
export async function applyMigrations(
  databaseUrl: string,
  { migrationsDir = DEFAULT_PATHS.migrationsDir }: MigrationPaths = {},
): Promise<{ applied: string[]; createdDatabase: boolean }> {
  const createdDatabase = await ensureDatabase(databaseUrl);
  const migrationsList = await readMigrations(migrationsDir);
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, undefined, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return { applied: appliedMigrationNames, createdDatabase };
}

/** The engine's own check (on a shadow database) that the history can be built on: no drift, nothing edited. */
async function requireCleanHistory(engine: SchemaEngine, migrationsList: MigrationList): Promise<void> {
  const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
  if (action.tag === "reset") {
    throw new MigrationError(
      `${action.reason.trim()}\n\nA new migration cannot be built on this database. If its data is disposable, ` +
        "drop it (for the embedded one: stop Notedesk and delete .data/postgres) and run `npm run db:migrate`.",
    );
  }
}

/** Lower-case words joined by underscores: the folder name must be safe on every file system. */
function migrationSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
}

export type NewMigration = {
  name: string;
  path: string;
  script: string;
  /** Data-loss warnings, one line each. */
  warnings: string[];
  /** Committed migrations that were pending and got applied first. */
  appliedFirst: string[];
  applied: boolean;
};

/**
 * `prisma migrate dev --name <name>`: brings the database up to date, writes a migration for what
 * schema.prisma changed since, and applies it (unless `createOnly`, for editing the SQL first).
 */
export async function createMigration(
  databaseUrl: string,
  name: string,
  {
    migrationsDir = DEFAULT_PATHS.migrationsDir,
    schemaPath = DEFAULT_PATHS.schemaPath,
    createOnly = false,
  }: MigrationPaths & { createOnly?: boolean } = {},
): Promise<NewMigration> {
  const slug = migrationSlug(name);
  if (!slug) throw new MigrationError("Name the migration: npm run db:migrate:new -- <name>, e.g. add_writer_notes");
  const schema = await readSchema(schemaPath);
  await ensureDatabase(databaseUrl);

  return withSchemaEngine(databaseUrl, schema, async (engine) => {
    // The engine accepts createMigration only after this sequence on the same instance.
    const migrationsList = await readMigrations(migrationsDir);
    await requireCleanHistory(engine, migrationsList);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    if (appliedMigrationNames.length > 0) await requireCleanHistory(engine, migrationsList);

    const target = { files: [schema] };
    const loss = await engine.evaluateDataLoss({ migrationsList, schema: target, filters: NO_FILTERS });
    if (loss.migrationSteps === 0) {
      throw new MigrationError(`Nothing to migrate: ${relative(process.cwd(), schemaPath)} has no changes that the existing migrations don't already make.`);
    }
    if (loss.unexecutableSteps.length > 0 && !createOnly) {
      throw new MigrationError(
        "This change cannot be applied to the data in the database as it is:\n" +
          loss.unexecutableSteps.map((step) => `  - ${step.message}`).join("\n") +
          "\nCreate it with --create-only, edit the SQL to handle existing rows, then run `npm run db:migrate`.",
      );
    }

    const created = await engine.createMigration({
      draft: false,
      migrationName: slug,
      migrationsList,
      schema: target,
      filters: NO_FILTERS,
    });
    if (created.migrationScript === null) throw new MigrationError("Nothing to migrate: the engine produced no SQL.");
    const path = await writeMigration(migrationsDir, {
      name: created.generatedMigrationName,
      script: created.migrationScript,
      extension: created.extension,
      connectorType: created.connectorType,
    });
    if (!createOnly) {
      await engine.applyMigrations({ migrationsList: await readMigrations(migrationsDir), filters: NO_FILTERS });
    }
    return {
      name: created.generatedMigrationName,
      path,
      script: created.migrationScript,
      warnings: loss.warnings.map((warning) => warning.message),
      appliedFirst: appliedMigrationNames,
      applied: !createOnly,
    };
  });
}

export type MigrationStatus = {
  local: string[];
  pending: string[];
  failed: string[];
  /** Applied, then changed on disk: their checksums no longer match. */
  edited: string[];
  /** Recorded as applied in the database but absent from the migrations folder. */
  missing: string[];
  /** Why the database schema differs from what its applied migrations produce; null when it doesn't. */
  drift: string | null;
  /** schema.prisma has changes no migration makes yet. */
  unmigratedChanges: boolean;
};

/** `prisma migrate status`, plus the drift and "forgot to create a migration" checks (these need CREATEDB). */
export async function migrationStatus(
  databaseUrl: string,
  { migrationsDir = DEFAULT_PATHS.migrationsDir, schemaPath = DEFAULT_PATHS.schemaPath }: MigrationPaths = {},
): Promise<MigrationStatus> {
  await checkConnection(databaseUrl);
  const schema = await readSchema(schemaPath);
  const migrationsList = await readMigrations(migrationsDir);
  const local = migrationsList.migrationDirectories.map((directory) => directory.path);

  return withSchemaEngine(databaseUrl, schema, async (engine) => {
    const history = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    const diagnostic = history.history;
    const pending = !history.hasMigrationsTable
      ? local
      : diagnostic && diagnostic.diagnostic !== "migrationsDirectoryIsBehind"
        ? diagnostic.unappliedMigrationNames
        : [];
    const missing = diagnostic && diagnostic.diagnostic !== "databaseIsBehind" ? diagnostic.unpersistedMigrationNames : [];

    // devDiagnostic also "resets" for failed, edited or missing migrations, already reported above.
    const historyIntact = history.failedMigrationNames.length + history.editedMigrationNames.length + missing.length === 0;
    const { action } = historyIntact
      ? await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS })
      : { action: { tag: "createMigration" as const } };
    const { exitCode } = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: false,
      exitCode: true,
      filters: NO_FILTERS,
    });

    return {
      local,
      pending,
      failed: history.failedMigrationNames,
      edited: history.editedMigrationNames,
      missing,
      drift: action.tag === "reset" ? action.reason.trim() : null,
      unmigratedChanges: exitCode === 2,
    };
  });
}
