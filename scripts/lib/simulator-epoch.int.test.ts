import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "../../tests/support/db";
import { holdsPosts } from "./simulator-epoch";

const t = await createTestDatabase();
afterAll(() => t.drop());

describe("holdsPosts", () => {
  it("tells a database with pulled posts from one without", async () => {
    expect(await holdsPosts(t.url)).toBe(false);
    await t.db.post.create({
      data: { id: "2008088530143674554", text: "A pulled post", authorUsername: "ana", authorName: "Ana", lang: "en", mediaType: "none", noteRequestCount: 0, contentHash: "hash" },
    });
    expect(await holdsPosts(t.url)).toBe(true);
  });
});
