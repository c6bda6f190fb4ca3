import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/config/env";

import { linkCheckUserAgent } from "./user-agent";

const product = /^Notedesk-LinkChecker\/\d+\.\d+\.\d+/;

describe("linkCheckUserAgent", () => {
  it("names the checker, its version and the operator's contact page or address", () => {
    expect(linkCheckUserAgent(parseEnv({ LINK_CHECK_CONTACT: "https://notes.example.org/link-checker" }).LINK_CHECK_CONTACT)).toMatch(
      new RegExp(`${product.source} \\(\\+https://notes\\.example\\.org/link-checker\\)$`),
    );
    expect(linkCheckUserAgent(parseEnv({ LINK_CHECK_CONTACT: "ops@notes.example.org" }).LINK_CHECK_CONTACT)).toMatch(new RegExp(`${product.source} \\(\\+ops@notes\\.example\\.org\\)$`));
  });

  it("claims no contact when the operator gave none", () => {
    expect(linkCheckUserAgent(parseEnv({}).LINK_CHECK_CONTACT)).toMatch(new RegExp(`${product.source}$`));
  });

  it("is a valid header value whatever was configured", () => {
    const contact = parseEnv({ LINK_CHECK_CONTACT: " https://notes.example.org/about us\n" }).LINK_CHECK_CONTACT;
    expect(linkCheckUserAgent(contact)).toMatch(/\(\+https:\/\/notes\.example\.org\/about%20us\)$/);
  });

  it("refuses a contact that is neither a web page nor an email address", () => {
    expect(() => parseEnv({ LINK_CHECK_CONTACT: "ftp://notes.example.org" })).toThrow(/LINK_CHECK_CONTACT must be a web page or an email address/);
    expect(() => parseEnv({ LINK_CHECK_CONTACT: "the ops team" })).toThrow(/LINK_CHECK_CONTACT/);
  });
});
