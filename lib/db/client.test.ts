import { afterEach, describe, expect, it, vi } from "vitest";

import { getDb, setDb } from "./client";
import { DatabaseUnavailableError } from "./errors";

vi.mock("@/lib/config/env", () => ({ env: () => ({ DATABASE_URL: undefined }) }));

describe("getDb", () => {
  afterEach(() => {
    setDb(undefined);
  });

  it("explains how to get a database when DATABASE_URL is not set", () => {
    expect(() => getDb()).toThrow(DatabaseUnavailableError);
    expect(() => getDb()).toThrow(/npm run demo.*npm run dev.*DATABASE_URL/);
  });

  it("returns the client set with setDb, the same one every time", () => {
    const db = {} as ReturnType<typeof getDb>;
    setDb(db);
    expect(getDb()).toBe(getDb());
    expect(getDb()).toBe(db);
  });
});
