import "server-only";

import pg from "pg";

import { DatabaseUnavailableError } from "./errors";
import { Prisma } from "./generated/client";

/**
 * Plain SQL straight on the driver, for the few paths where Prisma's per-statement cost is most of
 * the time: approve-and-submit sends two dozen small statements, and through the model client each
 * costs several times the round trip (docs/submission.md). Same `Prisma.sql` fragments, same pool,
 * same values back as `$queryRaw` gives; a Prisma transaction client satisfies the same type, so
 * code written against it runs inside either kind of transaction.
 */
export type SqlRunner = {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
};

/**
 * Each statement text is prepared once per connection and its plan reused (the hot statements are
 * CTEs over several tables, whose planning costs more than running them). Bounded, because texts
 * built with a variable number of fragments would otherwise grow every connection's cache forever;
 * past the bound, new texts run unprepared.
 */
const PREPARED_TEXTS = 500;
const statementNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known || statementNames.size >= PREPARED_TEXTS) return known;
  const name = `notedesk_${statementNames.size}`;
  statementNames.set(text, name);
  return name;
}

/** timestamp(3) columns hold UTC (lib/review/sql.ts utcNow): read them as UTC, as Prisma does. */
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

const OID = { int8: 20, date: 1082, timestamp: 1114, numeric: 1700 } as const;
/** Arrays of the types above, which Prisma would convert element by element: cast them in SQL instead. */
const UNSUPPORTED_ARRAYS = new Set([1016, 1182, 1115, 1185, 1231]);

const parsers = new Map<number, (value: string) => unknown>([
  [OID.int8, (value) => BigInt(value)],
  [OID.date, (value) => new Date(`${value}T00:00:00Z`)],
  [OID.timestamp, parseUtcTimestamp],
  [OID.numeric, (value) => new Prisma.Decimal(value)],
]);

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (UNSUPPORTED_ARRAYS.has(oid)) {
      throw new Error(`SqlRunner does not read arrays of type oid ${oid} the way Prisma does; cast the column in SQL (e.g. to text[]).`);
    }
    return parsers.get(oid) ?? pg.types.getTypeParser(oid, format ?? "text");
  },
};

/** What Prisma's adapter would send for each value: dates as UTC instants, bigints as text. */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "57P01", "57P03"]);

/** A database that can't be reached says so in words; anything else is thrown as the driver gave it. */
function mapDriverError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable = typeof code === "string" && (UNREACHABLE.has(code) || code.startsWith("08"));
  return unreachable ? new DatabaseUnavailableError(undefined, { cause: error }) : error;
}

/** A pool or one of its connections: all the runner needs of either. */
type Queryable = { query(config: pg.QueryConfig | string): Promise<pg.QueryResult> };

function runnerOn(connection: Queryable, ended: () => boolean = () => false): SqlRunner {
  const run = async (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    // Sent after COMMIT it would run on its own, outside the transaction the caller meant.
    if (ended()) throw new Error("a statement was sent after its transaction's COMMIT");
    const statement = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
    const text = statement.text;
    try {
      return await connection.query({ name: statementName(text), text, values: statement.values.map(toParameter), types });
    } catch (error) {
      throw mapDriverError(error);
    }
  };
  return {
    $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rows as T,
    $executeRaw: async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rowCount ?? 0,
  };
}

/** Statements outside a transaction, each on whichever pooled connection is free. */
export function sqlOn(pool: pg.Pool): SqlRunner {
  return runnerOn(pool);
}

const batchedRunners = new WeakMap<pg.Pool, SqlRunner>();

/**
 * Statements outside a transaction, for small independent reads that tend to be sent together (a
 * checklist's inputs): the ones sent in the same tick go out in one write on one pipelined
 * connection, which answers them one after the other, instead of each taking a connection and waking
 * a server process of its own. Each is still its own statement: one failing fails only itself.
 * Not for heavy queries, which would wait on each other.
 */
export function sqlBatchedOn(pool: pg.Pool): SqlRunner {
  let runner = batchedRunners.get(pool);
  if (!runner) {
    runner = runnerOn(tickBatches(pool));
    batchedRunners.set(pool, runner);
  }
  return runner;
}

type Waiting = { config: pg.QueryConfig; resolve: (result: pg.QueryResult) => void; reject: (error: unknown) => void };

function tickBatches(pool: pg.Pool): Queryable {
  let batch: Waiting[] | null = null;
  const send = async (waiting: Waiting[]) => {
    const client = await pool.connect().catch((error: unknown) => {
      for (const w of waiting) w.reject(error);
    });
    if (!client) return;
    // Corked for this tick: the statements below leave in one write.
    const socket = client.connection.stream;
    socket.cork();
    process.nextTick(() => socket.uncork());
    try {
      await Promise.all(waiting.map((w) => client.query(w.config).then(w.resolve, w.reject)));
    } finally {
      client.release();
    }
  };
  return {
    query: (config) =>
      new Promise((resolve, reject) => {
        if (!batch) {
          const waiting: Waiting[] = (batch = []);
          process.nextTick(() => {
            batch = null;
            void send(waiting);
          });
        }
        batch.push({ config: typeof config === "string" ? { text: config } : config, resolve, reject });
      }),
  };
}

export type TransactionOptions = {
  /**
   * false: COMMIT returns before the WAL reaches the disk (synchronous_commit off for this transaction
   * only). A crash of PostgreSQL itself (not of Notedesk) can then lose the last few hundred
   * milliseconds of such commits, never half of one; only for writes whose loss a recovery path
   * already covers.
   */
  waitForDisk?: boolean;
};

/**
 * A transaction's statements. `commit()` sends COMMIT at once, behind the statements already sent, so
 * on the pipelined connection it shares their round trip; nothing may be sent after it. If one of
 * those statements failed, the server turns the COMMIT into a rollback, and commit() rejects.
 */
export type SqlTransaction = SqlRunner & { commit(): Promise<void> };

/**
 * One connection, BEGIN … COMMIT around `work`; ROLLBACK when it throws. A connection whose ROLLBACK
 * fails is closed rather than handed to the next caller in an unknown state.
 */
export async function sqlTransactionOn<T>(pool: pg.Pool, work: (tx: SqlTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const client = await pool.connect().catch((error: unknown) => {
    throw mapDriverError(error);
  });
  let broken: Error | undefined;
  let committing: Promise<void> | undefined;
  try {
    // Not awaited: on the pipelined connection BEGIN goes out with the work's first statement, and the
    // server runs them in order. BEGIN fails only with its connection, which fails what follows too.
    const connection = writtenPerTick(client);
    const begun = connection.query(options.waitForDisk === false ? "BEGIN; SET LOCAL synchronous_commit TO off" : "BEGIN");
    const commit = () => (committing ??= committed(connection));
    const runner = runnerOn(connection, () => committing !== undefined);
    const result = await settledAfter(begun, work({ ...runner, commit }));
    await commit();
    return result;
  } catch (error) {
    // After a COMMIT the server already ended the transaction either way; this ROLLBACK only warns then.
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw mapDriverError(error);
  } finally {
    client.release(broken);
  }
}

/** COMMIT, refused when the server answers that it rolled back (a statement before it had failed). */
async function committed(connection: Queryable): Promise<void> {
  const result = await connection.query("COMMIT");
  if (result.command === "ROLLBACK") throw new Error("the transaction was rolled back: one of its statements failed");
}

/**
 * The connection, with the statements sent in one tick leaving in one write: its socket is corked
 * until the tick ends (the driver corks around each statement's messages too; this outer cork keeps
 * the statements together). Pipelined, a transaction's BEGIN, statements and COMMIT then cost one
 * system call instead of one each, which on a virtual machine is most of what sending them costs.
 */
function writtenPerTick(client: pg.PoolClient): Queryable {
  const socket = client.connection.stream;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  return {
    query: (config) => {
      if (!corked) {
        corked = true;
        socket.cork();
        process.nextTick(uncork);
      }
      return client.query(config);
    },
  };
}

/**
 * `later`'s value once `first` has also succeeded. Both are settled before anything is thrown, so a
 * ROLLBACK never overtakes statements the work still has to send.
 */
async function settledAfter<T>(first: Promise<unknown>, later: Promise<T>): Promise<T> {
  const [began, done] = await Promise.allSettled([first, later]);
  if (began.status === "rejected") throw began.reason;
  if (done.status === "rejected") throw done.reason;
  return done.value;
}

/**
 * The answers to statements sent together on one connection (each already sent when its promise was
 * made), once all of them are in. A failure is the first failing statement's in the order they were
 * sent: the ones behind it in a transaction fail only because it did.
 */
export async function pipelined<T extends readonly unknown[]>(...statements: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
