import { describe, expect, it } from "vitest";

import { buildNoteRequest, canonicalJson, payloadHash, verifyFrozenRequest } from "./note-request";

const source = {
  writerId: "writer-1",
  postId: "1939667242318541239",
  testMode: true,
  revision: {
    text: "Context sentence. https://example.org/source",
    classification: "misinformed_or_potentially_misleading",
    misleadingTags: ["missing_important_context"],
    trustworthySources: true,
  },
};

describe("buildNoteRequest", () => {
  it("builds the canonical POST /2/notes body of the reference, key for key", () => {
    const { body } = buildNoteRequest(source);
    expect(JSON.stringify(body)).toBe(
      '{"test_mode":true,"post_id":"1939667242318541239","info":{"text":"Context sentence. https://example.org/source","classification":"misinformed_or_potentially_misleading","misleading_tags":["missing_important_context"],"trustworthy_sources":true}}',
    );
  });

  it("refuses a note X would reject instead of fixing it", () => {
    expect(() => buildNoteRequest({ ...source, revision: { ...source.revision, text: "No source here." } })).toThrow(/can't be sent.*link/);
    expect(() => buildNoteRequest({ ...source, revision: { ...source.revision, misleadingTags: [] } })).toThrow(/reason/);
  });

  it("passes style warnings through without refusing", () => {
    const { warnings } = buildNoteRequest({ ...source, revision: { ...source.revision, text: "Community Note: context #fact https://example.org" } });
    expect(warnings.map((w) => w.code).sort()).toEqual(["community_note_prefix", "hashtag"]);
  });
});

describe("payloadHash", () => {
  const { body } = buildNoteRequest(source);

  it("is a sha256 over a canonical JSON, independent of key order", () => {
    expect(payloadHash("writer-1", body)).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { info: { ...body.info }, post_id: body.post_id, test_mode: body.test_mode };
    expect(payloadHash("writer-1", reordered)).toBe(payloadHash("writer-1", body));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: null }] })).toBe('{"a":[2,{"c":null,"d":3}],"b":1}');
  });

  it("changes with every field that decides what X records", () => {
    const variants = [
      payloadHash("writer-2", body),
      payloadHash("writer-1", { ...body, test_mode: false }),
      payloadHash("writer-1", { ...body, post_id: "1" }),
      payloadHash("writer-1", { ...body, info: { ...body.info, text: `${body.info.text}.` } }),
      payloadHash("writer-1", { ...body, info: { ...body.info, classification: "not_misleading" } }),
      payloadHash("writer-1", { ...body, info: { ...body.info, misleading_tags: ["factual_error"] } }),
      payloadHash("writer-1", { ...body, info: { ...body.info, trustworthy_sources: false } }),
    ];
    expect(new Set([payloadHash("writer-1", body), ...variants]).size).toBe(variants.length + 1);
  });
});

describe("verifyFrozenRequest", () => {
  const { body, payloadHash: hash } = buildNoteRequest(source);
  const frozen = { writerId: "writer-1", postId: source.postId, testMode: true, requestBody: body, payloadHash: hash, gatePassHash: hash };

  it("accepts the untouched request and gives back the note to send", () => {
    expect(verifyFrozenRequest(frozen, true)).toEqual({ ok: true, note: expect.objectContaining({ postId: source.postId, text: source.revision.text }) });
  });

  it("blocks an edited text, an extra key, another post, and a writer switched to production", () => {
    const edited = { ...frozen, requestBody: { ...body, info: { ...body.info, text: "Different. https://example.org" } } };
    expect(verifyFrozenRequest(edited, true)).toMatchObject({ ok: false, reason: expect.stringContaining("hash") });
    const extra = { ...frozen, requestBody: { ...body, info: { ...body.info, is_media_note: true } } };
    expect(verifyFrozenRequest(extra, true)).toMatchObject({ ok: false, reason: expect.stringContaining("not a valid") });
    expect(verifyFrozenRequest({ ...frozen, postId: "2" }, true)).toMatchObject({ ok: false, reason: expect.stringContaining("different post") });
    expect(verifyFrozenRequest(frozen, false)).toMatchObject({ ok: false, reason: expect.stringContaining("production") });
  });

  it("blocks a request whose recorded gate pass judged another payload, and accepts one approved without a pass", () => {
    expect(verifyFrozenRequest({ ...frozen, gatePassHash: "0".repeat(64) }, true)).toMatchObject({ ok: false, reason: expect.stringContaining("gate pass") });
    expect(verifyFrozenRequest({ ...frozen, gatePassHash: null }, true)).toMatchObject({ ok: true });
  });
});
