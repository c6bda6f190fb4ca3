import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { classifications, misleadingTags } from "@/lib/note-text";
import { rejectReasons } from "@/lib/review/reject-reasons";
import { openJobQueue } from "@/lib/jobs/boss";
import { setJobQueue } from "@/lib/jobs/client";
import { createTestDatabase } from "@/tests/support/db";
import { seedDraft, seedWriter } from "@/tests/support/fixtures/review";

import { databaseChecksum } from "./support/db-checksum";
import { loadEntryPoints, type EntryPoint } from "./support/entry-points";
import { anyValue, nastyString } from "./support/json-fuzz";
import { asUser, createTestUser, type TestUser } from "./support/sessions";

/**
 * Issue #7, fuzzing (server side): every server action and route handler, called directly by an
 * admin (so the role check passes and the input is what's tested) with generated inputs. Each call
 * must come back as a typed result — never a throw, never "internal" / 500 — with a message when it
 * refuses, and a refused call must leave every table exactly as it was.
 */

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (await import("./support/sessions")).currentSession(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
const named = vi.hoisted(() => new Map<unknown, string>());
vi.mock("@/lib/auth/action", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/action")>();
  return { ...real, defineAction: ((spec, run) => { const fn = real.defineAction(spec, run); named.set(fn, spec.name); return fn; }) satisfies typeof real.defineAction };
});
vi.mock("@/lib/auth/route", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/route")>();
  return { ...real, defineRoute: ((spec, run) => { const fn = real.defineRoute(spec, run); named.set(fn, spec.name); return fn; }) satisfies typeof real.defineRoute };
});

// 80 × 33 entry points ≈ 2,600 calls in ~30 s; FUZZ_RUNS=1000 for a long run.
const RUNS_PER_ENTRY_POINT = Number(process.env.FUZZ_RUNS ?? 80);
const SEED = 7_2026;

const { points } = await loadEntryPoints(named);
const t = await createTestDatabase();
const queue = await openJobQueue(t.url, "client");
setJobQueue(queue);
afterAll(async () => {
  setJobQueue(undefined);
  await queue.stop({ graceful: false });
  await t.drop();
});

let admin: TestUser;
const ids = { drafts: [] as string[], writers: [] as string[], submissions: [] as string[], revisions: [] as string[], users: [] as string[] };
beforeAll(async () => {
  admin = await createTestUser(t.db, "admin", "Fuzz Admin");
  const writer = await seedWriter(t.db);
  ids.writers.push(writer.id);
  for (let i = 0; i < 6; i++) {
    const draft = await seedDraft(t.db, { writerId: writer.id, claimedById: i % 2 === 0 ? admin.id : undefined });
    ids.drafts.push(draft.id);
    if (draft.revisionId) ids.revisions.push(draft.revisionId);
  }
  const stuck = await seedDraft(t.db, { writerId: writer.id, state: "needs_reconcile" });
  const submission = await t.db.submission.create({
    data: { draftId: stuck.id, writerId: writer.id, postId: stuck.postId, testMode: true, state: "needs_reconcile", idempotencyKey: `fuzz:${stuck.id}`, requestBody: {}, payloadHash: "x", approvedById: admin.id, attempts: 1 },
    select: { id: true },
  });
  ids.submissions.push(submission.id);
  ids.users.push(admin.id);
});

/** Values for the field names the app's schemas use: real ids some of the time, so parsing is passed and the domain answers. */
function fieldValue(pool: () => string[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(null).map(() => pool()).chain((p) => (p.length ? fc.constantFrom(...p) : fc.string())) }, { weight: 2, arbitrary: anyValue });
}
const versionish = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), anyValue);
const noteish = fc.record(
  {
    text: fc.oneof(nastyString, fc.constant("A source says otherwise. https://example.org/report <script>alert(1)</script>")),
    classification: fc.oneof(fc.constantFrom(...classifications), anyValue),
    misleadingTags: fc.oneof(fc.array(fc.constantFrom(...misleadingTags), { maxLength: 3 }), anyValue),
    trustworthySources: fc.oneof(fc.boolean(), anyValue),
  },
  { requiredKeys: [] },
);
const knownFields = fc.record(
  {
    draftId: fieldValue(() => ids.drafts),
    expectedVersion: versionish,
    baseRevisionId: fc.oneof(fieldValue(() => ids.revisions), fc.constant(null)),
    note: fc.oneof(noteish, anyValue),
    text: fc.oneof(nastyString, anyValue),
    rejection: fc.oneof(fc.record({ reason: fc.oneof(fc.constantFrom(...Object.keys(rejectReasons)), anyValue), note: fc.oneof(nastyString, anyValue) }, { requiredKeys: [] }), anyValue),
    submissionId: fieldValue(() => ids.submissions),
    writerId: fieldValue(() => ids.writers),
    postId: fc.oneof(fc.string(), anyValue),
    reason: fc.oneof(nastyString, anyValue),
    filters: fc.oneof(fc.dictionary(fc.constantFrom("state", "writer", "sort", "size", "cursor", "claim", "lang", "media"), fc.oneof(nastyString, anyValue)), anyValue),
    minScore: fc.oneof(fc.double(), anyValue),
    mode: fc.oneof(fc.constantFrom("test", "production", "live"), anyValue),
    gate: fc.oneof(fc.string(), anyValue),
    email: fc.oneof(fc.emailAddress(), anyValue),
    name: fc.oneof(nastyString, anyValue),
    password: fc.oneof(fc.string({ minLength: 12 }), anyValue),
    role: fc.oneof(fc.constantFrom("viewer", "reviewer", "approver", "admin", "root"), anyValue),
    queue: fc.oneof(fc.constantFrom("sync-posts", "draft-posts", "refresh-notes"), anyValue),
    cron: fc.oneof(fc.constantFrom("*/5 * * * *", "61 * * * *", "* * *"), anyValue),
    preset: fc.oneof(fc.string(), anyValue),
    model: fc.oneof(fc.string(), anyValue),
    confirm: fc.oneof(fc.boolean(), anyValue),
  },
  { requiredKeys: [] },
);
const actionInput = fc.oneof({ weight: 5, arbitrary: knownFields }, { weight: 2, arbitrary: anyValue });
const routeQuery = fc.dictionary(
  fc.oneof(fc.constantFrom("draftId", "writer", "format", "dataset", "range", "status", "mode", "origin", "after", "q"), fc.string()),
  fc.oneof(nastyString, fc.constantFrom("csv", "json", "notes", "decisions", "all", "7d")),
);

const tally = { calls: 0, refused: 0, accepted: 0, codes: {} as Record<string, number> };

function failure(result: unknown): { ok: boolean; code?: string; message?: string } {
  expect(result, "an action must answer with an ActionResult").toMatchObject({ ok: expect.any(Boolean) });
  return result as { ok: boolean; code?: string; message?: string };
}

async function fuzzAction(point: Extract<EntryPoint, { kind: "action" }>) {
  await fc.assert(
    fc.asyncProperty(actionInput, async (input) => {
      const before = await databaseChecksum(t.db);
      let result: unknown;
      try {
        result = await asUser(admin, () => point.call(input));
      } catch (error) {
        throw new Error(`${point.name} threw instead of answering: ${String(error)}`);
      }
      const answer = failure(result);
      tally.calls += 1;
      if (answer.ok) {
        tally.accepted += 1;
        return;
      }
      tally.refused += 1;
      tally.codes[answer.code ?? "?"] = (tally.codes[answer.code ?? "?"] ?? 0) + 1;
      expect(answer.code, `${point.name}(${safeJson(input)}) → ${answer.message}`).not.toBe("internal");
      expect(answer.message?.trim().length ?? 0, `${point.name} refused without a message`).toBeGreaterThan(0);
      expect(await databaseChecksum(t.db), `${point.name} refused ${safeJson(input)} (${answer.code}: ${answer.message}) but changed the database`).toBe(before);
    }),
    { numRuns: RUNS_PER_ENTRY_POINT, seed: SEED, endOnFailure: true },
  );
}

async function fuzzRoute(point: Extract<EntryPoint, { kind: "route" }>) {
  await fc.assert(
    fc.asyncProperty(routeQuery, async (query) => {
      const before = await databaseChecksum(t.db);
      const url = new URL("http://127.0.0.1:3000/fuzz");
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      const response = await asUser(admin, () => point.call(new Request(url, { method: point.method })));
      const body = await response.text();
      tally.calls += 1;
      expect(response.status, `${point.method} ${point.name}?${url.searchParams} → ${body.slice(0, 200)}`).toBeLessThan(500);
      if (response.status < 400) {
        tally.accepted += 1;
        return;
      }
      tally.refused += 1;
      const parsed = JSON.parse(body) as { ok: false; code: string; message: string };
      tally.codes[parsed.code] = (tally.codes[parsed.code] ?? 0) + 1;
      expect(parsed.message.length).toBeGreaterThan(0);
      expect(await databaseChecksum(t.db)).toBe(before);
    }),
    { numRuns: RUNS_PER_ENTRY_POINT, seed: SEED, endOnFailure: true },
  );
}

function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value)).slice(0, 300);
  } catch {
    return String(value).slice(0, 300);
  }
}

describe("fuzzing every server action and route handler", () => {
  it.each(points.map((p) => [p.name, p] as const))("%s", async (_name, point) => {
    if (point.kind === "action") await fuzzAction(point);
    else await fuzzRoute(point);
  });

  it("covered every entry point", () => {
    const total = points.length * RUNS_PER_ENTRY_POINT;
    console.log(`[fuzz] ${points.length} entry points × ${RUNS_PER_ENTRY_POINT} = ${total} calls: ${tally.accepted} accepted, ${tally.refused} refused (${Object.entries(tally.codes).map(([k, v]) => `${k} ${v}`).join(", ")}); 0 throws, 0 internal, 0 writes on refusal`);
    expect(tally.calls).toBe(total);
  });
});
