import { afterAll, describe, expect, it, onTestFinished, vi } from "vitest";

import { createTestDatabase } from "@/tests/support/db";

import { DatabaseUnavailableError } from "./errors";
import { createDb, inSqlTransaction, Prisma, refusalOf, sql, sqlAssertion, sqlBatched, type SqlRunner } from "./index";

const t = await createTestDatabase();
afterAll(() => t.drop());

describe("plain SQL on the driver", () => {
  it("reads every kind of column Notedesk stores exactly as $queryRaw does, whatever the process's time zone", async () => {
    // The driver's own timestamp parser reads local time: on a UTC machine that would go unnoticed.
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    onTestFinished(() => {
      process.env.TZ = zone;
    });
    const at = new Date("2026-11-21T09:08:07.654Z");
    const query = Prisma.sql`
      SELECT ${"text"}::text AS text, ${42}::int AS int, 9007199254740993::bigint AS big, 12.50::numeric(10, 2) AS dec,
             ${0.625}::float8 AS float, true AS bool, ${at}::timestamp(3) AS stamp, ${at}::timestamptz AS stamptz,
             '2026-11-21'::date AS day, ${JSON.stringify({ a: [1, "b"] })}::jsonb AS json, ${["x", "y"]}::text[] AS tags,
             NULL::text AS nothing, 'approved'::"DraftState" AS state`;
    const viaDriver = await sql().$queryRaw<Record<string, unknown>[]>(query);
    const viaPrisma = await t.db.$queryRaw<Record<string, unknown>[]>(query);
    expect(viaDriver).toEqual(viaPrisma);
    expect(viaDriver[0]).toMatchObject({ stamp: at, stamptz: at, big: 9007199254740993n, tags: ["x", "y"], json: { a: [1, "b"] }, state: "approved" });
  });

  it("takes a tagged template like $queryRaw, and counts rows changed with $executeRaw", async () => {
    const id = "sql-runner-writer";
    expect(await sql().$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES (${id}, ${"Runner"}, now())`).toBe(1);
    const rows = await sql().$queryRaw<{ name: string }[]>`SELECT name FROM writers WHERE id = ${id}`;
    expect(rows).toEqual([{ name: "Runner" }]);
  });

  it("commits a transaction's statements together, and rolls all of them back when the work throws", async () => {
    await inSqlTransaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES ('tx-kept', 'Kept', now())`;
    });
    await expect(
      inSqlTransaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES ('tx-dropped', 'Dropped', now())`;
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const names = await t.db.writer.findMany({ where: { id: { in: ["tx-kept", "tx-dropped"] } }, select: { id: true } });
    expect(names.map((w) => w.id)).toEqual(["tx-kept"]);
  });

  it("lets a transaction skip the wait for the disk at COMMIT, for that transaction only", async () => {
    const own = createDb(t.url); // a pool of its own: its one connection serves both transactions
    const setting = (tx: SqlRunner) => tx.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`.then(([row]) => row?.synchronous_commit);
    try {
      expect(await inSqlTransaction(setting, { db: own, waitForDisk: false })).toBe("off");
      expect(await inSqlTransaction(setting, { db: own })).toBe("on");
      expect(await setting(sql(own))).toBe("on");
      await inSqlTransaction((tx) => tx.$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES ('tx-async', 'Async', now())`, { db: own, waitForDisk: false });
      expect(await t.db.writer.count({ where: { id: "tx-async" } })).toBe(1);
    } finally {
      await own.$disconnect();
    }
  });

  it("sends a COMMIT behind the work's last statements, and refuses it when one of them failed", async () => {
    const kept = await inSqlTransaction(async (tx) => {
      const [, [row]] = await Promise.all([
        tx.$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES ('tx-pipelined', 'Pipelined', now())`,
        tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM writers WHERE id = 'tx-pipelined'`,
        tx.commit(),
      ]);
      return row?.n;
    });
    expect(kept).toBe(1);
    expect(await t.db.writer.count({ where: { id: "tx-pipelined" } })).toBe(1);

    // The server turns the COMMIT after a failed statement into a rollback: nothing of the transaction stays.
    const failing = inSqlTransaction(async (tx) => {
      const inserted = tx.$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES ('tx-rolled-back', 'Rolled back', now())`;
      const refused = tx.$queryRaw`SELECT ${sqlAssertion(Prisma.sql`false`, "not this time")}`;
      const committed = tx.commit();
      const settled = await Promise.allSettled([inserted, refused, committed]);
      expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "rejected"]);
      expect(refusalOf((settled[1] as PromiseRejectedResult).reason)).toBe("not this time");
      throw (settled[2] as PromiseRejectedResult).reason;
    });
    await expect(failing).rejects.toThrow(/rolled back/);
    expect(await t.db.writer.count({ where: { id: "tx-rolled-back" } })).toBe(0);
  });

  it("refuses a statement sent after the transaction's COMMIT, which would run outside it", async () => {
    await expect(
      inSqlTransaction(async (tx) => {
        await tx.commit();
        await tx.$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES ('tx-after-commit', 'Late', now())`;
      }),
    ).rejects.toThrow(/after its transaction's COMMIT/);
    expect(await t.db.writer.count({ where: { id: "tx-after-commit" } })).toBe(0);
  });

  it("sends small reads made in the same tick together on one connection, each with its own answer or error", async () => {
    const reads = sqlBatched();
    const pid = () => reads.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`.then(([row]) => row?.pid);
    const [first, failing, second] = await Promise.allSettled([pid(), reads.$queryRaw`SELECT 1 / ${0}::int`, pid()]);
    expect(first.status).toBe("fulfilled");
    expect(second).toEqual(first);
    expect(failing).toMatchObject({ status: "rejected", reason: { code: "22012" } });
    // The connection went back to the pool in working order.
    expect(await pid()).toEqual(expect.any(Number));
  });

  it("isolates a transaction until it commits", async () => {
    let seenOutside: number | undefined;
    await inSqlTransaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO writers (id, name, updated_at) VALUES ('tx-isolated', 'Isolated', now())`;
      seenOutside = await t.db.writer.count({ where: { id: "tx-isolated" } });
    });
    expect(seenOutside).toBe(0);
    expect(await t.db.writer.count({ where: { id: "tx-isolated" } })).toBe(1);
  });

  it("answers a statement run many times (prepared once per connection) with fresh values each time", async () => {
    const seen = await Promise.all(Array.from({ length: 30 }, (_, i) => sql().$queryRaw<{ n: number }[]>`SELECT ${i}::int + 1 AS n`));
    expect(seen.map(([row]) => row?.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("says the database is unreachable in words when it is", async () => {
    const nowhere = createDb("postgresql://postgres@127.0.0.1:1/none");
    try {
      await expect(sql(nowhere).$queryRaw`SELECT 1`).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(inSqlTransaction(async () => 1, { db: nowhere })).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("survives the server dropping an idle connection, saying so once, and says nothing while closing", async () => {
    const own = createDb(t.url);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const [row] = await sql(own).$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await t.db.$queryRaw`SELECT pg_terminate_backend(${row!.pid}::int)`;
      await expect.poll(() => logged.mock.calls.length).toBe(1);
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/^\[db\] an idle database connection failed: terminating connection/);
      // The pool replaces it: the next statement runs on a fresh connection.
      expect(await sql(own).$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      await own.$disconnect();
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
      await own.$disconnect().catch(() => {});
    }
  });

  it("refuses clients it did not make, instead of running on some other pool", () => {
    expect(() => sql({} as typeof t.db)).toThrow(/not made by createDb/);
  });
});
