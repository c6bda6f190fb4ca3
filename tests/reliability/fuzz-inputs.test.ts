import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { draftPost } from "@/lib/drafting/draft-post";
import { jobPayloads, queueNames } from "@/lib/jobs/queues";
import { parseNotesQuery } from "@/lib/notes/filters";
import { defaultQueueFilters, parseQueueFilters, queueSorts } from "@/lib/review/queue-filters";
import { reviseWithSuggestions } from "@/lib/drafting/revise";
import { makePost } from "@/lib/drafting/testing/posts";
import { scriptedProvider } from "@/lib/drafting/testing/scripted-provider";
import { classifications, misleadingTags, noteInputSchema, noteLength, NOTE_MAX_LENGTH, validateNote } from "@/lib/note-text";
import { createXClient, isXApiError, type XClient } from "@/lib/x";
import { demoOAuth2, goodNoteText, startSimulatedClient, type SimulatedClient } from "@/lib/x/test-support";

import { anyValue, bodyTextOf, mutationOf, nastyString } from "./support/json-fuzz";

/**
 * Issue #7, fuzzing (pure part): the note form, malformed X API responses and malformed model
 * output, with fast-check. Every property runs from a fixed seed, so a failure replays exactly;
 * the case counts are printed at the end (the DB-backed action fuzz is fuzz-actions.int.test.ts).
 */
const SEED = 7_2026;
const counts: Record<string, number> = {};
/** How often each property took each branch: a property that never reaches its "accepted" branch proves nothing. */
const branches: Record<string, number> = {};
const took = (branch: string) => {
  branches[branch] = (branches[branch] ?? 0) + 1;
};
const run = <T>(name: string, numRuns: number, property: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>) => {
  counts[name] = numRuns;
  return fc.assert(property as fc.IAsyncProperty<T>, { numRuns, seed: SEED, endOnFailure: true });
};

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`[fuzz] pure properties: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}; total ${total} cases`);
  console.log(`[fuzz] branches: ${Object.entries(branches).sort().map(([k, v]) => `${k} ${v}`).join(", ")}`);
});


// ---------------------------------------------------------------------------------------------
// The note form: noteInputSchema (what the save and approve paths parse), validateNote, noteLength.

const urlish = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom("https://stats.valmora.gov/r", "http://a.b", "https://", "https://x.org/😀", "HTTPS://X.ORG", "https://a.org/x."),
);
const noteText = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(nastyString, urlish, nastyString).map(([a, u, b]) => `${a} ${u} ${b}`) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: "grapheme", minLength: 250, maxLength: 320 }), urlish).map(([a, u]) => `${a} ${u}`) },
  { weight: 1, arbitrary: fc.array(urlish, { minLength: 1, maxLength: 40 }).map((us) => us.join(" ")) },
);
const noteCandidate = fc.record({
  text: noteText,
  classification: fc.oneof(fc.constantFrom(...classifications), nastyString),
  misleadingTags: fc.oneof(fc.array(fc.constantFrom(...misleadingTags), { maxLength: 4 }), fc.array(nastyString, { maxLength: 3 })),
  trustworthySources: fc.boolean(),
});

describe("note form", () => {
  it("validateNote and noteLength never throw, never edit the note, and count sanely", () =>
    run("validateNote", 3_000, fc.property(noteCandidate, (note) => {
      const before = structuredClone(note);
      const issues = validateNote(note);
      expect(note).toEqual(before);
      for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
      const length = noteLength(note.text);
      expect(length).toBeGreaterThanOrEqual(0);
      expect(length).toBeLessThanOrEqual([...note.text].length);
      if (!/https?:\/\/\S/.test(note.text)) expect(length).toBe([...note.text].length);
      expect(issues.some((i) => i.code === "too_long")).toBe(note.text.trim() !== "" && length > NOTE_MAX_LENGTH);
    })));

  it("noteInputSchema accepts only complete, valid notes and never truncates what it accepts", () =>
    run("noteInputSchema", 3_000, fc.property(fc.oneof({ weight: 4, arbitrary: noteCandidate }, { weight: 1, arbitrary: anyValue }), (raw) => {
      const parsed = noteInputSchema.safeParse(raw);
      if (!parsed.success) {
        took("note.refused");
        for (const issue of parsed.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        return;
      }
      took("note.accepted");
      const input = raw as { text: string; classification: string; misleadingTags: string[]; trustworthySources: boolean };
      expect(parsed.data.text).toBe(input.text.trim());
      expect(noteLength(parsed.data.text)).toBeLessThanOrEqual(NOTE_MAX_LENGTH);
      expect(parsed.data.text).toMatch(/https?:\/\/\S+/);
      expect(parsed.data.classification).toBe(input.classification);
      expect(parsed.data.misleadingTags).toEqual(input.misleadingTags);
      expect(validateNote(parsed.data).filter((i) => i.severity === "error")).toEqual([]);
    })));
});

// ---------------------------------------------------------------------------------------------
// Pages' search parameters and job payloads: hand-edited URLs and whatever sits in the job table.

const searchParams = fc.dictionary(
  fc.oneof(fc.constantFrom("state", "writer", "aiDecision", "classification", "lang", "mediaType", "noteRequests", "claim", "sort", "cursor", "limit", "mode", "status", "origin", "dir", "after", "before", "range", "__proto__"), fc.string()),
  fc.oneof(nastyString, fc.array(nastyString, { maxLength: 3 })),
);

describe("page search parameters and job payloads", () => {
  it("the queue's and the notes page's parameters never fail: anything malformed falls back to its default", () =>
    run("searchParams", 1_000, fc.property(fc.oneof(searchParams, anyValue), (params) => {
      const filters = parseQueueFilters(params);
      // Absent optional keys and explicit undefined mean the same; every key known, every value valid.
      expect(Object.keys({ ...defaultQueueFilters(), ...filters }).sort()).toEqual(Object.keys(defaultQueueFilters()).sort());
      expect(queueSorts).toContain(filters.sort);
      expect(typeof filters.state).toBe("string");
      expect(filters.limit).toBeGreaterThanOrEqual(1);
      expect(filters.limit).toBeLessThanOrEqual(100);
      if (params && typeof params === "object" && !Array.isArray(params)) {
        const query = parseNotesQuery(params as Record<string, string | string[] | undefined>);
        expect(["all", "test", "production"]).toContain(query.mode);
      }
    })));

  it("every queue's payload schema answers any stored value with a result, never a throw", () =>
    run("jobPayloads", 500, fc.property(fc.constantFrom(...queueNames), anyValue, (queue, value) => {
      const parsed = jobPayloads[queue].safeParse(value);
      if (!parsed.success) for (const issue of parsed.error.issues) expect(issue.message.length).toBeGreaterThan(0);
    })));
});

// ---------------------------------------------------------------------------------------------
// Malformed X responses: the client must turn anything a server sends into a result or an XApiError.

let ctx: SimulatedClient;
const samples: Record<"eligible" | "written" | "created" | "evaluated", unknown> = { eligible: null, written: null, created: null, evaluated: null };

beforeAll(async () => {
  ctx = await startSimulatedClient();
  const page = await ctx.client.getEligiblePosts({ testMode: true, maxResults: 5 });
  samples.eligible = page.raw;
  const postId = page.posts.find((p) => p.matchedMediaNotes.length === 0)?.id ?? page.posts[0]?.id ?? "1";
  const created = await ctx.client.createNote({ testMode: true, postId, text: goodNoteText, classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error"], trustworthySources: true });
  samples.created = created.kind === "created" ? created.raw : { data: { id: "1" } };
  samples.written = (await ctx.client.getNotesWritten({ testMode: true })).raw;
  samples.evaluated = { data: { claim_opinion_score: 1.4 } };
});
afterAll(() => ctx?.sim.stop());

/** A client whose server answers with exactly this status and body, once, and never waits. */
function clientAnswering(status: number, body: string): XClient {
  return createXClient({
    baseUrl: "http://x.invalid",
    auth: demoOAuth2,
    fetch: async () => new Response(status === 204 || status === 304 ? null : body, { status, headers: { "content-type": "application/json" } }),
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    sleep: async () => {},
    maxRateLimitWaitMs: 0,
  });
}

const status2xx = fc.constantFrom(200, 200, 200, 201, 202, 203, 206);
const anyStatus = fc.oneof({ weight: 4, arbitrary: status2xx }, { weight: 1, arbitrary: fc.integer({ min: 300, max: 599 }) });

async function outcomeOf(call: () => Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}

function expectOnlyXApiErrors(result: Awaited<ReturnType<typeof outcomeOf>>, status: number) {
  took(result.ok ? "x.parsed" : "x.refused");
  if (result.ok) return;
  expect(isXApiError(result.error), `a ${status} answer threw ${String(result.error)}`).toBe(true);
  if (status >= 200 && status < 300 && isXApiError(result.error)) expect(result.error.kind).toBe("malformed_response");
  if (isXApiError(result.error)) expect(result.error.explanation.length).toBeGreaterThan(0);
}

describe("malformed X responses", () => {
  it("eligible posts: parsed and normalized, or a malformed_response XApiError; nothing else", () =>
    run("x.eligiblePosts", 1_000, fc.asyncProperty(anyStatus, fc.constant(null).chain(() => bodyTextOf(samples.eligible)), async (status, body) => {
      const result = await outcomeOf(() => clientAnswering(status, body).getEligiblePosts({ testMode: true }));
      expectOnlyXApiErrors(result, status);
      if (result.ok) expect(Array.isArray((result.value as { posts: unknown[] }).posts)).toBe(true);
    })));

  it("notes_written and the reconcile lookup: a page, or a malformed_response XApiError", () =>
    run("x.notesWritten", 700, fc.asyncProperty(anyStatus, fc.constant(null).chain(() => bodyTextOf(samples.written)), async (status, body) => {
      expectOnlyXApiErrors(await outcomeOf(() => clientAnswering(status, body).getNotesWritten({ testMode: true })), status);
      expectOnlyXApiErrors(await outcomeOf(() => clientAnswering(status, body).findWrittenNoteForPost("1", true)), status);
    })));

  it("create note never throws: a 2xx body it can't read is an unknown outcome (reconcile), never 'not sent'", () =>
    run("x.createNote", 700, fc.asyncProperty(anyStatus, fc.constant(null).chain(() => bodyTextOf(samples.created)), async (status, body) => {
      const outcome = await clientAnswering(status, body).createNote({ testMode: true, postId: "1", text: goodNoteText, classification: "not_misleading", misleadingTags: [], trustworthySources: true });
      expect(["created", "duplicate", "rejected", "unknown"]).toContain(outcome.kind);
      took(`x.create.${outcome.kind}`);
      if (status >= 200 && status < 300 && outcome.kind !== "created") {
        expect(outcome).toMatchObject({ kind: "unknown", error: { kind: "malformed_response" } });
      }
      if (outcome.kind === "created") expect(outcome.noteId).toEqual(expect.any(String));
    })));

  it("evaluate_note: a score, or an XApiError", () =>
    run("x.evaluateNote", 300, fc.asyncProperty(anyStatus, fc.constant(null).chain(() => bodyTextOf(samples.evaluated)), async (status, body) => {
      const result = await outcomeOf(() => clientAnswering(status, body).evaluateNote({ noteText: goodNoteText, postId: "1" }));
      expectOnlyXApiErrors(result, status);
      if (result.ok) expect(typeof (result.value as { claimOpinionScore: unknown }).claimOpinionScore).toBe("number");
    })));
});

// ---------------------------------------------------------------------------------------------
// Malformed model output: drafting and revising come back as an outcome, with the raw output kept.

const validDraft = {
  decision: "write_note",
  rationale: "The photo is older than claimed.",
  note: { text: goodNoteText, classification: "misinformed_or_potentially_misleading", misleading_tags: ["factual_error"], trustworthy_sources: true },
};
const validRevision = {
  story_assessment: "SAME_STORY",
  rationale: "Took the suggestion.",
  note: validDraft.note,
  suggestions: [{ id: "s1", incorporated_status: "YES", explanation: "Added the source." }],
};

function modelReply(valid: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: mutationOf(valid).map((v) => JSON.stringify(v) ?? "") },
    { weight: 2, arbitrary: fc.tuple(nastyString, mutationOf(valid), nastyString).map(([a, v, b]) => `${a}\n\`\`\`json\n${JSON.stringify(v)}\n\`\`\`\n${b}`) },
    { weight: 1, arbitrary: bodyTextOf(valid) },
    { weight: 1, arbitrary: nastyString },
  );
}

describe("malformed model output", () => {
  it("draftPost: a note, an abstention or a failed outcome with the last raw output kept; never a throw", () =>
    run("llm.draft", 1_000, fc.asyncProperty(fc.array(modelReply(validDraft), { minLength: 3, maxLength: 3 }), async (replies) => {
      const outcome = await draftPost(makePost(), scriptedProvider(replies), { maxRetries: 2 });
      expect(["note", "abstain", "failed"]).toContain(outcome.kind);
      took(`llm.draft.${outcome.kind}`);
      expect(outcome.provenance.attempts).toBeGreaterThanOrEqual(1);
      expect(outcome.provenance.attempts).toBeLessThanOrEqual(3);
      if (outcome.kind === "failed") {
        expect(outcome.rawOutput).toBe(replies[outcome.provenance.attempts - 1]);
        expect(outcome.reason.length).toBeGreaterThan(0);
      }
    })));

  it("reviseWithSuggestions: kept, discarded or failed with the raw output kept; never a throw", () =>
    run("llm.revise", 500, fc.asyncProperty(fc.array(modelReply(validRevision), { minLength: 3, maxLength: 3 }), async (replies) => {
      const outcome = await reviseWithSuggestions({
        post: makePost(),
        currentRevision: { text: goodNoteText, classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error"], trustworthySources: true },
        suggestions: [{ id: "s1", text: "Cite the board's report." }],
        provider: scriptedProvider(replies),
        options: { maxRetries: 2 },
      });
      expect(["kept", "discarded", "failed"]).toContain(outcome.kind);
      took(`llm.revise.${outcome.kind}`);
      if (outcome.kind === "failed") {
        expect(outcome.rawOutput).toBe(replies[outcome.provenance.attempts - 1]);
        expect(outcome.reason.length).toBeGreaterThan(0);
      }
    })));
});

it("every property reached both its accepting and its refusing branch", () => {
  for (const branch of ["note.accepted", "note.refused", "x.parsed", "x.refused", "x.create.created", "x.create.unknown", "x.create.rejected", "llm.draft.note", "llm.draft.failed", "llm.revise.failed"]) {
    expect(branches[branch] ?? 0, branch).toBeGreaterThan(10);
  }
});
