import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@/tests/support/db";

import { dbLinkCache } from "./db-cache";
import type { LinkCheckResult } from "./types";

const t = await createTestDatabase();
afterAll(() => t.drop());

const result = (url: string, ok: boolean): LinkCheckResult => ({
  url,
  ok,
  status: ok ? 200 : 404,
  finalUrl: `${url}/final`,
  redirects: [{ url, status: 301 }],
  error: ok ? null : "answered 404 Not Found",
  checkedAt: new Date().toISOString(),
  fromCache: false,
});

describe("dbLinkCache", () => {
  it("returns a stored result until it expires, marked as from the cache", async () => {
    const cache = dbLinkCache("live");
    await cache.put(result("https://a.org/x", true), 60_000);
    expect(await cache.get("https://a.org/x")).toEqual({ ...result("https://a.org/x", true), checkedAt: expect.any(String), fromCache: true });

    await cache.put(result("https://a.org/old", false), 60_000);
    await t.db.linkCheck.updateMany({ where: { url: "https://a.org/old" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await cache.get("https://a.org/old")).toBeNull();
  });

  it("replaces an older answer for the same link", async () => {
    const cache = dbLinkCache("live");
    await cache.put(result("https://b.org/y", false), 60_000);
    await cache.put(result("https://b.org/y", true), 60_000);
    expect(await cache.get("https://b.org/y")).toMatchObject({ ok: true, status: 200 });
    expect(await t.db.linkCheck.count({ where: { url: "https://b.org/y" } })).toBe(1);
  });

  it("never lets the simulated web's answer stand in for the real one", async () => {
    await dbLinkCache("simulated").put(result("https://c.org/z", true), 60_000);
    expect(await dbLinkCache("live").get("https://c.org/z")).toBeNull();
  });
});
