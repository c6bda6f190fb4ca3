import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/config/env";

import { appLinkChecker, linkCheckMode } from "./app";

const oauth1 = { X_API_KEY: "k", X_API_KEY_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_TOKEN_SECRET: "ts" };

describe("linkCheckMode", () => {
  it("checks against the simulated web when the X API is the loopback simulator", () => {
    expect(linkCheckMode(parseEnv({ ...oauth1, X_API_BASE_URL: "http://127.0.0.1:4810" }))).toBe("simulated");
  });

  it("checks the real web otherwise", () => {
    expect(linkCheckMode(parseEnv({ ...oauth1, X_API_BASE_URL: "https://api.x.com" }))).toBe("live");
    expect(linkCheckMode(parseEnv({}))).toBe("live");
  });

  it("does what LINK_CHECK_MODE says when it is set", () => {
    expect(linkCheckMode(parseEnv({ ...oauth1, X_API_BASE_URL: "http://127.0.0.1:4810", LINK_CHECK_MODE: "live" }))).toBe("live");
    expect(linkCheckMode(parseEnv({ LINK_CHECK_MODE: "off" }))).toBe("off");
  });
});

describe("appLinkChecker", () => {
  it("with checking off, reports every link as not checked, which is never ok", async () => {
    const [result] = await appLinkChecker(parseEnv({ LINK_CHECK_MODE: "off" })).checkLinks(["https://www.reuters.com/x."]);
    expect(result).toMatchObject({ url: "https://www.reuters.com/x", ok: false, status: null, error: "not checked: link checking is off (LINK_CHECK_MODE=off)" });
  });

  it("refuses simulated checking without a simulator to ask", () => {
    expect(() => appLinkChecker(parseEnv({ LINK_CHECK_MODE: "simulated" }))).toThrow(/X_API_BASE_URL is not set/);
  });
});
