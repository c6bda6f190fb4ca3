import { afterAll, describe, expect, it } from "vitest";

import { DomainError } from "@/lib/errors";
import { createTestDatabase } from "@/tests/support/db";

import { createDb } from "./client";
import { ConflictError, DatabaseUnavailableError, mapDbError, NotFoundError } from "./errors";

const t = await createTestDatabase();
afterAll(() => t.drop());

async function failure(operation: Promise<unknown>): Promise<unknown> {
  return operation.then(
    () => expect.unreachable("the operation should have failed"),
    (error: unknown) => error,
  );
}

describe("mapDbError", () => {
  it("turns a unique violation into a ConflictError", async () => {
    await t.db.writer.create({ data: { name: "twice" } });
    const mapped = mapDbError(await failure(t.db.writer.create({ data: { name: "twice" } })));

    expect(mapped).toBeInstanceOf(ConflictError);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped).toMatchObject({ code: "conflict", message: "That writer already exists." });
  });

  it("turns a missing record into a NotFoundError", async () => {
    const mapped = mapDbError(await failure(t.db.writer.update({ where: { id: "missing" }, data: { name: "x" } })));
    expect(mapped).toBeInstanceOf(NotFoundError);
    expect(mapped).toMatchObject({ code: "not_found", message: "That writer no longer exists." });
  });

  it("turns an unreachable server into a DatabaseUnavailableError with a plain message", async () => {
    const down = createDb("postgresql://postgres@127.0.0.1:1/notedesk");
    const error = await failure(down.writer.findMany());
    const mapped = mapDbError(error);

    expect(mapped).toBeInstanceOf(DatabaseUnavailableError);
    expect(mapped).toMatchObject({ code: "unavailable", cause: error });
    expect((mapped as Error).message).not.toMatch(/127\.0\.0\.1|prisma/i);
  });

  it("leaves errors without a domain meaning alone", async () => {
    const error = await failure(t.db.eligibility.create({ data: { writerId: "missing", postId: "missing", testMode: true } }));
    expect(mapDbError(error)).toBe(error);
    const plain = new Error("not from the database");
    expect(mapDbError(plain)).toBe(plain);
  });
});
