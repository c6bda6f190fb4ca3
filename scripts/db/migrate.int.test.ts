import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { testDatabaseName } from "@/tests/support/test-databases";

import { DatabaseConnectionError, withClient } from "../lib/postgres";
import { withDatabase } from "../lib/postgres-url";
import { SchemaEngineError } from "./engine";
import { applyMigrations, createMigration, MigrationError, migrationStatus } from "./migrate";

const REPO_MIGRATIONS = "prisma/migrations";
const committed = (await readdir(REPO_MIGRATIONS, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function database(options?: { migrated?: boolean }): Promise<TestDatabase> {
  const created = await createTestDatabase(options);
  databases.push(created);
  return created;
}

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql)).rows);
}

async function shadowDatabases(): Promise<string[]> {
  const rows = await query<{ datname: string }>(
    inject("testDatabases").serverUrl,
    "SELECT datname FROM pg_database WHERE starts_with(datname, 'prisma_migrate_shadow_db_')",
  );
  return rows.map((row) => row.datname);
}

describe("applyMigrations", () => {
  it("applies every committed migration to an empty database, then does nothing", async () => {
    const { url } = await database({ migrated: false });

    expect(await applyMigrations(url)).toEqual({ applied: committed, createdDatabase: false });
    expect(await applyMigrations(url)).toEqual({ applied: [], createdDatabase: false });

    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((row) => row.tablename)).toEqual(expect.arrayContaining(["users", "drafts", "_prisma_migrations"]));
  });

  it("records checksums the way the Prisma CLI does (sha256 of migration.sql)", async () => {
    const { url } = await database();
    const rows = await query<{ migration_name: string; checksum: string }>(
      url,
      "SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name",
    );
    const expected = await Promise.all(
      committed.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(join(REPO_MIGRATIONS, name, "migration.sql")))
          .digest("hex"),
      })),
    );
    expect(rows).toEqual(expected);
  });

  it("creates the database when it does not exist", async () => {
    const { serverUrl, runId } = inject("testDatabases");
    // Named like the run's databases, so the run's teardown drops it.
    const url = withDatabase(serverUrl, testDatabaseName(runId));
    expect(await applyMigrations(url)).toEqual({ applied: committed, createdDatabase: true });
  });

  it("fails with one line naming host:port when the server is unreachable", async () => {
    const failure = applyMigrations("postgresql://postgres@127.0.0.1:1/notedesk");
    await expect(failure).rejects.toBeInstanceOf(DatabaseConnectionError);
    await expect(failure).rejects.toThrow(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1: [^\n]+$/);
  });
});

describe("migration scripts", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "notedesk-migrations-"));
    await cp(REPO_MIGRATIONS, dir, { recursive: true });
    return () => rm(dir, { recursive: true, force: true });
  });

  async function addMigration(name: string, sql: string): Promise<void> {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, "migration.sql"), sql);
  }

  it("run as one batch, like the native engine: semicolons in strings and $$ bodies survive", async () => {
    const { url } = await database({ migrated: false });
    await addMigration(
      "29990101000000_function",
      `CREATE FUNCTION notedesk_greeting() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN 'hello; world';
END;
$$;
CREATE TABLE notes_check (value text DEFAULT 'a;b');`,
    );

    await applyMigrations(url, { migrationsDir: dir });

    expect(await query(url, "SELECT notedesk_greeting() AS greeting")).toEqual([{ greeting: "hello; world" }]);
  });

  it("that fail are reported by name, leave nothing half-applied, and block later runs", async () => {
    const { url } = await database();
    await addMigration("29990101000000_broken", "CREATE TABLE half_done (id int);\nSELECT 1 / 0;");

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      new SchemaEngineError("Migration 29990101000000_broken failed: Error querying the database: ERROR: division by zero"),
    );
    expect(await query(url, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/failed migrations/);
  });
});

describe("migrationStatus", () => {
  it("reports pending migrations, then a database in sync", async () => {
    const { url } = await database({ migrated: false });

    const before = await migrationStatus(url);
    expect(before).toMatchObject({ local: committed, pending: committed, drift: null, unmigratedChanges: false });

    await applyMigrations(url);
    expect(await migrationStatus(url)).toEqual({
      local: committed,
      pending: [],
      failed: [],
      edited: [],
      missing: [],
      drift: null,
      unmigratedChanges: false,
    });
  });

  it("describes CHECK constraints, which the engine reads through PostgreSQL's \"char\" columns", async () => {
    const { url } = await database();
    await query(url, "ALTER TABLE writers ADD CONSTRAINT name_not_blank CHECK (name <> '')");

    // Prisma does not model CHECK constraints, so there is nothing to report; what matters is that
    // describing the database worked (it used to crash the engine).
    expect((await migrationStatus(url)).drift).toBeNull();
  });

  it("reports drift when the database was changed by hand", async () => {
    const { url } = await database();
    await query(url, "ALTER TABLE writers ADD COLUMN by_hand int");

    const { drift } = await migrationStatus(url);
    expect(drift).toMatch(/Drift detected/);
    expect(drift).toMatch(/Added column `by_hand`/);
  });
});

describe("createMigration", () => {
  let dir: string;
  let paths: { migrationsDir: string; schemaPath: string };
  let schema: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "notedesk-schema-"));
    paths = { migrationsDir: join(dir, "migrations"), schemaPath: join(dir, "schema.prisma") };
    await cp(REPO_MIGRATIONS, paths.migrationsDir, { recursive: true });
    schema = await readFile("prisma/schema.prisma", "utf8");
    await writeFile(paths.schemaPath, schema);
    return () => rm(dir, { recursive: true, force: true });
  });

  const feedLang = '  feedLang    String   @default("en") @map("feed_lang")\n';

  it("writes and applies a migration for a schema change, building it on a throwaway shadow database", async () => {
    const { url, db } = await database();
    await db.writer.create({ data: { name: "kept" } });
    const shadowsBefore = await shadowDatabases();
    await writeFile(paths.schemaPath, schema.replace(feedLang, `${feedLang}  notes       String?\n`));

    const migration = await createMigration(url, "Add writer notes", paths);

    expect(migration.name).toMatch(/^\d{14}_add_writer_notes$/);
    expect(migration.script).toMatch(/ALTER TABLE "writers" ADD COLUMN\s+"notes" TEXT;/);
    expect(migration.warnings).toEqual([]);
    expect(migration.applied).toBe(true);
    expect(await readFile(join(migration.path, "migration.sql"), "utf8")).toBe(migration.script);
    // The shadow database was reset and dropped; the real one kept its rows and got the column.
    expect(await shadowDatabases()).toEqual(shadowsBefore);
    expect(await query(url, "SELECT name, notes FROM writers")).toEqual([{ name: "kept", notes: null }]);
    expect(await migrationStatus(url, paths)).toMatchObject({ pending: [], drift: null, unmigratedChanges: false });
  });

  it("warns about data loss", async () => {
    const { url, db } = await database();
    await db.writer.create({ data: { name: "has a language" } });
    await writeFile(paths.schemaPath, schema.replace(feedLang, ""));

    const migration = await createMigration(url, "drop feed lang", paths);

    expect(migration.warnings).toEqual([
      expect.stringMatching(/drop the column `feed_lang` on the `writers` table, which still contains 1 non-null values/),
    ]);
    expect(migration.script).toMatch(/ALTER TABLE "writers" DROP COLUMN "feed_lang";/);
  });

  it("with createOnly writes the migration but leaves it pending", async () => {
    const { url } = await database();
    await writeFile(paths.schemaPath, schema.replace(feedLang, `${feedLang}  notes       String?\n`));

    const migration = await createMigration(url, "notes", { ...paths, createOnly: true });

    expect(migration.applied).toBe(false);
    expect((await migrationStatus(url, paths)).pending).toEqual([migration.name]);
  });

  it("refuses when the schema has not changed", async () => {
    const { url } = await database();
    const failure = createMigration(url, "nothing", paths);
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toThrow(/^Nothing to migrate/);
    expect((await readdir(paths.migrationsDir)).filter((name) => name.endsWith("_nothing"))).toEqual([]);
  });

  it("refuses a nameless migration", async () => {
    await expect(createMigration("postgresql://unused", " -- ", paths)).rejects.toThrow(/Name the migration/);
  });
});
