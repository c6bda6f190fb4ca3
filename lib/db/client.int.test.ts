import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@/tests/support/db";

import { getDb } from "./client";

describe("test databases", () => {
  it("are isolated from each other and become getDb()'s database", async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    afterAll(async () => {
      await second.drop();
      await first.drop();
    });

    await first.db.writer.create({ data: { name: "only-in-first" } });

    expect(await first.db.writer.count()).toBe(1);
    expect(await second.db.writer.count()).toBe(0);
    expect(getDb()).toBe(second.db);
  });
});
