import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

import { ScriptError } from "../lib/main";
import { MigrationAdapterFactory } from "./adapter";
import { schemaEngineBindings } from "./wasm";

export type { SchemaEngine };
export type Schema = { path: string; content: string };

/** An engine failure (a migration's SQL error, a failed migration blocking the rest), readable as is. */
export class SchemaEngineError extends ScriptError {
  constructor(message: string) {
    super(message);
    this.name = "SchemaEngineError";
  }
}

/** Engine messages end in a Rust span trace ("   0: sql_schema_connector::…") that only its authors can use. */
function readable(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof SchemaEngineError) return error;
  const [message = "", trace] = error.message.split(/\n\s+0: (?=\w+::)/);
  if (trace === undefined && error.name !== "SchemaConnectorError") return error;
  const migration = /migration_name="([^"]+)"/.exec(trace ?? "")?.[1];
  const text = message.replace(/^external connector error\n/, "").trim();
  return new SchemaEngineError(migration ? `Migration ${migration} failed: ${text}` : text);
}

/**
 * Runs `fn` with a schema engine connected to `url` (and, for commands that need one, to a
 * throwaway shadow database on the same server), then frees it and its connections.
 */
export async function withSchemaEngine<T>(
  url: string,
  schema: Schema | undefined,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bindings = await schemaEngineBindings();
  const factory = new MigrationAdapterFactory(url);
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: schema ? [[schema.path, schema.content]] : undefined },
      () => {}, // tracing events; nothing here needs them
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw readable(error);
  } finally {
    await factory.close();
  }
}
