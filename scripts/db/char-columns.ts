import { ColumnTypeEnum, type SqlResultSet } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * The schema engine reads pg_catalog columns of PostgreSQL's internal one-byte `"char"` type
 * (OID 18: contype, relkind, …). adapter-pg has no mapping for it and fails the whole query, and
 * the engine reads some of them as a Rust `char` (PostgreSQL 18's NOT NULL constraints reach
 * one), so plain text is not enough either. The pool hands adapter-pg those columns as text and
 * remembers where they were; restoreCharColumns then types them as the engine's Character.
 */

const CHAR_OID = 18;
const TEXT_OID = 25;

// Keyed by the rows array, which adapter-pg passes through from pg's result to its own.
const charColumns = new WeakMap<unknown[], number[]>();

function hideCharColumns(result: pg.QueryResult | pg.QueryResult[]): void {
  for (const part of Array.isArray(result) ? result : [result]) {
    const positions = (part.fields ?? []).flatMap((field, position) => {
      if (field.dataTypeID !== CHAR_OID) return [];
      field.dataTypeID = TEXT_OID;
      return [position];
    });
    if (positions.length > 0) charColumns.set(part.rows, positions);
  }
}

export function charAwarePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  // adapter-pg only ever calls pool.query(config) and awaits the promise.
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    hideCharColumns(result);
    return result;
  }) as pg.Pool["query"];
  return pool;
}

export function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  for (const position of charColumns.get(result.rows) ?? []) result.columnTypes[position] = ColumnTypeEnum.Character;
  return result;
}
