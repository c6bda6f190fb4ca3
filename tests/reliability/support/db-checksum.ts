import type { DbClient } from "@/lib/db";

/**
 * A fingerprint of every row the app keeps: one md5 over each table's rows (the public schema, and
 * pg-boss's job table when it exists). Equal before and after means nothing was written.
 */
export async function databaseChecksum(db: DbClient): Promise<string> {
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE'
      AND ((table_schema = 'public' AND table_name <> '_prisma_migrations') OR (table_schema = 'pgboss' AND table_name = 'job'))
    ORDER BY 1, 2`;
  const parts = tables.map(({ schema, name }) => `SELECT '${schema}.${name}' AS t, md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS h FROM "${schema}"."${name}" x`);
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(parts.join(" UNION ALL "));
  return rows.map((r) => `${r.t}=${r.h}`).join(";");
}
