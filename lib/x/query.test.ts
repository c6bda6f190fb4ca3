import { describe, expect, it } from "vitest";

import { encodeQueryValue, fieldList, postSelection, queryString } from "./query";

describe("query encoding", () => {
  it("escapes per RFC 3986: spaces as %20, never '+', and the post_selection colon", () => {
    expect(encodeQueryValue("a b+c")).toBe("a%20b%2Bc");
    expect(encodeQueryValue("feed_size:large,feed_lang:es")).toBe("feed_size%3Alarge%2Cfeed_lang%3Aes");
    expect(encodeQueryValue("!*'()")).toBe("%21%2A%27%28%29");
    expect(encodeQueryValue("tweet.fields-_~")).toBe("tweet.fields-_~");
  });

  it("leaves out undefined parameters and sends no '?' when nothing remains", () => {
    expect(queryString({ a: undefined })).toBe("");
    expect(queryString({ test_mode: "true", pagination_token: undefined, max_results: "5" })).toBe("?test_mode=true&max_results=5");
  });

  it("builds post_selection only for non-default choices", () => {
    expect(postSelection({})).toBeUndefined();
    expect(postSelection({ feedSize: "xl" })).toBe("feed_size:xl");
    expect(postSelection({ feedSize: "large", feedLang: "all" })).toBe("feed_size:large,feed_lang:all");
  });

  it("joins field lists and omits empty ones", () => {
    expect(fieldList(["a", "b"])).toBe("a,b");
    expect(fieldList([])).toBeUndefined();
  });
});
