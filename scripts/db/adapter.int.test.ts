import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@/tests/support/db";

import { withClient } from "../lib/postgres";
import { MigrationAdapterFactory } from "./adapter";

const t = await createTestDatabase();
afterAll(() => t.drop());

const sql = (text: string) => ({ sql: text, args: [], argTypes: [] });

async function databaseExists(name: string): Promise<boolean> {
  const { rows } = await withClient(t.url, (client) => client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
  return rows.length === 1;
}

describe("MigrationAdapterFactory", () => {
  it("connects the shadow adapter to a throwaway database, and drops it on dispose", async () => {
    const factory = new MigrationAdapterFactory(t.url);
    const shadow = await factory.connectToShadowDb();
    const [[name]] = (await shadow.queryRaw(sql("SELECT current_database()::text"))).rows as [[string]];

    expect(name).toMatch(/^prisma_migrate_shadow_db_/);
    expect(name).not.toBe(t.name);
    expect(await databaseExists(name)).toBe(true);

    await shadow.dispose();
    expect(await databaseExists(name)).toBe(false);
    await factory.close();
  });

  it('reads PostgreSQL\'s internal "char" columns, typed as the engine\'s Character', async () => {
    const factory = new MigrationAdapterFactory(t.url);
    const main = await factory.connect();
    const result = await main.queryRaw(sql("SELECT relkind, relname::text FROM pg_class WHERE relname = 'users'"));
    expect(result.rows).toEqual([["r", "users"]]);
    expect(result.columnTypes).toEqual([ColumnTypeEnum.Character, ColumnTypeEnum.Text]);
    await factory.close();
  });
});
