import { describe, expect, it } from "vitest";

import { postUrlOnX } from "./url";

describe("postUrlOnX", () => {
  it("names the author's handle when there is one", () => {
    expect(postUrlOnX("1850000000000000001", "Valmora_News")).toBe("https://x.com/Valmora_News/status/1850000000000000001");
  });

  it("uses X's handle-free address without an author", () => {
    expect(postUrlOnX("1850000000000000001", null)).toBe("https://x.com/i/web/status/1850000000000000001");
    expect(postUrlOnX("1850000000000000001", "")).toBe("https://x.com/i/web/status/1850000000000000001");
  });

  it("never lets a stored handle or id lead elsewhere on x.com", () => {
    expect(postUrlOnX("1850000000000000001", "../settings")).toBe("https://x.com/i/web/status/1850000000000000001");
    expect(postUrlOnX("1850000000000000001", "a_handle_far_too_long")).toBe("https://x.com/i/web/status/1850000000000000001");
    expect(postUrlOnX("1/../../home", "someone")).toBe("https://x.com/someone/status/1%2F..%2F..%2Fhome");
  });
});
