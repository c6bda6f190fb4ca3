import { describe, expect, it } from "vitest";

import { checkConnection } from "../../scripts/lib/postgres";
import { findTestServer } from "./test-server";

const NOBODY_HOME = "postgresql://postgres@127.0.0.1:1/postgres";

describe("findTestServer", () => {
  it("falls back to a temporary embedded PostgreSQL when the default server is unreachable", async () => {
    const server = await findTestServer(undefined, NOBODY_HOME);
    await checkConnection(server.url);
    expect(new URL(server.url).port).not.toBe("1");
    await server.stop();
    await expect(checkConnection(server.url)).rejects.toThrow(/nothing is listening/);
  });

  it("insists on TEST_DATABASE_URL when it is set", async () => {
    await expect(findTestServer(NOBODY_HOME)).rejects.toThrow(
      "TEST_DATABASE_URL points at 127.0.0.1:1, which fails: nothing is listening there. Fix it, or unset it.",
    );
  });
});
