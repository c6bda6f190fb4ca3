import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makePost } from "@/lib/drafting/testing/posts";
import { DomainError } from "@/lib/errors";
import { upsertPosts } from "@/lib/ingest/upsert-posts";
import type { NormalizedPost } from "@/lib/posts/post";
import { auditActions, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { triagePost } from "./assess";
import { overturnTriage } from "./overturn";
import { PRIORITY_HALF_LIFE_HOURS, priorityBase, priorityKey } from "./priority";
import { triageFor } from "./read";
import { saveAssessments } from "./store";

let t: TestDatabase;
let reviewer: { id: string; name: string };
beforeAll(async () => {
  t = await createTestDatabase();
  reviewer = await seedUser(t.db, "Rita Reviewer", "reviewer");
});
afterAll(() => t.drop());

let sequence = 0;
const newId = () => String(1_800_000_000_000_000_000n + BigInt(++sequence));
/** Stores posts with their heuristic triage, as a sync does. */
async function triaged(...overrides: Partial<NormalizedPost>[]): Promise<string[]> {
  const posts = overrides.map((o) => makePost({ id: newId(), ...o }));
  const seenAt = new Date();
  await upsertPosts(t.db, posts, new Map(posts.map((post) => [post.id, triagePost(post, seenAt)])), { seenAt });
  return posts.map((p) => p.id);
}
const opinion = "I think the mayor will resign.";

describe("stored triage", () => {
  it("gives each triaged post's verdict, reasons and priority, and nothing for the others", async () => {
    const [id] = await triaged({ text: opinion, postedAt: "2026-01-12T09:00:00.000Z", noteRequests: [{ suggestionId: null, suggestion: "Wrong.", sourceLink: null }] });
    const [untriaged] = (await upsertPosts(t.db, [makePost({ id: newId() })])).changed.map((c) => c.id);
    const map = await triageFor([id!, untriaged!, "1234"]);
    expect([...map.keys()]).toEqual([id]);
    const dto = map.get(id!)!;
    expect(dto).toMatchObject({
      postId: id,
      verdict: "out",
      machineVerdict: "out",
      assessedBy: "heuristic",
      model: null,
      reasons: [{ signal: "opinion", label: "opinion words: 'i think'" }, { signal: "prediction" }, { signal: "note_requests" }],
      rulesNow: null,
      priority: { agedFrom: new Date("2026-01-12T09:00:00.000Z"), factors: { noteRequests: 1, reach: null, reachEstimated: false } },
      overturn: null,
    });
    // The age-independent part read back from the stored key is the one the key was made from.
    expect(dto.priority.base).toBeCloseTo(priorityBase(dto.checkability, dto.priority.factors), 5);
    expect(await t.db.post.findUniqueOrThrow({ where: { id: id! }, select: { triageAgainst: true } })).toEqual({ triageAgainst: "opinion" });
  });

  it("moves to another half-life with the one UPDATE docs/triage.md gives", async () => {
    const posts = [makePost({ id: newId(), postedAt: "2026-01-12T09:00:00.000Z" }), makePost({ id: newId(), postedAt: null })];
    const seenAt = new Date();
    const assessments = posts.map((post) => triagePost(post, seenAt));
    await upsertPosts(t.db, posts, new Map(assessments.map((a) => [a.postId, a])), { seenAt });
    const ids = posts.map((p) => p.id);
    await t.db.$executeRaw`
      UPDATE posts SET priority_key = priority_key + ln(2) * (1.0 / 24 - 1.0 / ${PRIORITY_HALF_LIFE_HOURS}) * extract(epoch FROM coalesce(posted_at, first_seen_at)) / 3600
       WHERE id = ANY(${ids}::text[])`;
    const stored = await t.db.post.findMany({ where: { id: { in: ids } }, select: { id: true, priorityKey: true } });
    for (const a of assessments) expect(stored.find((row) => row.id === a.postId)?.priorityKey).toBeCloseTo(priorityKey(a.priorityBase, a.agedFrom, 24), 4);
  });

  it("says when the rules now judge a post otherwise than its stored assessment", async () => {
    const [id] = await triaged({ text: opinion });
    // As if the post had been judged by rules that found it checkable.
    await t.db.post.update({ where: { id: id! }, data: { checkability: 0.91, machineVerdict: "in", triageVerdict: "in" } });
    expect((await triageFor([id!])).get(id!)).toMatchObject({ checkability: 0.91, verdict: "in", rulesNow: { verdict: "out" }, reasons: [{ signal: "opinion" }, { signal: "prediction" }] });
  });

  it("stores a model's opinion apart, and only on the content it read", async () => {
    const [id] = await triaged({ text: "NASA confirmed the asteroid will hit Earth next week." });
    const post = makePost({ id: id!, text: "NASA confirmed the asteroid will hit Earth next week." });
    const { contentHash } = await t.db.post.findUniqueOrThrow({ where: { id: id! }, select: { contentHash: true } });
    const withModel = triagePost(post, new Date(), { checkable: true, reason: "A dated claim.", model: "grok-mini", promptVersion: "triage-v1" });
    expect(await saveAssessments(t.db, [{ assessment: withModel, contentHash: "an older version" }])).toBe(0);
    expect(await saveAssessments(t.db, [{ assessment: withModel, contentHash }])).toBe(1);
    expect((await triageFor([id!])).get(id!)).toMatchObject({
      verdict: "in",
      assessedBy: "llm",
      model: "grok-mini",
      promptVersion: "triage-v1",
      rulesNow: null,
      reasons: expect.arrayContaining([expect.objectContaining({ signal: "model", label: "grok-mini: checkable — A dated claim." })]),
    });
  });
});

describe("drafts' copy of the priority key", () => {
  it("is taken when a draft is made and follows every re-triage of its post", async () => {
    const writer = await seedWriter(t.db);
    const [id] = await triaged({ text: "Official figures: 4,800 homes stand empty.", postedAt: "2026-03-01T08:00:00.000Z" });
    const [untriaged] = (await upsertPosts(t.db, [makePost({ id: newId() })])).changed.map((c) => c.id);
    const draft = await t.db.draft.create({ data: { writerId: writer.id, postId: id!, testMode: true } });
    const bare = await t.db.draft.create({ data: { writerId: writer.id, postId: untriaged!, testMode: true } });
    const keyOf = async (draftId: string) => (await t.db.draft.findUniqueOrThrow({ where: { id: draftId }, select: { priorityKey: true } })).priorityKey;
    const postKey = async () => (await t.db.post.findUniqueOrThrow({ where: { id: id! }, select: { priorityKey: true } })).priorityKey;

    expect(await keyOf(draft.id)).toBe(await postKey());
    expect(await keyOf(bare.id)).toBeNull();
    const requested = makePost({
      id: id!,
      text: "Official figures: 4,800 homes stand empty.",
      postedAt: "2026-03-01T08:00:00.000Z",
      noteRequests: [{ suggestionId: null, suggestion: "It is 480.", sourceLink: null }],
    });
    await upsertPosts(t.db, [requested], new Map([[id!, triagePost(requested, new Date())]]));
    expect(await postKey()).toBeGreaterThan((await keyOf(bare.id)) ?? 0);
    expect(await keyOf(draft.id)).toBe(await postKey());
  });
});

describe("overturnTriage", () => {
  it("puts a triaged-out post back in with the reviewer's reason, audited", async () => {
    const [id] = await triaged({ text: opinion });
    const dto = await overturnTriage({ postId: id!, verdict: "in", reason: "  The resignation was announced today.  " }, reviewer);
    expect(dto).toMatchObject({
      verdict: "in",
      machineVerdict: "out",
      overturn: { by: reviewer, reason: "The resignation was announced today." },
    });
    expect(await auditActions(t.db, id!)).toEqual(["post.triage_overturn"]);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: id! } });
    expect(event).toMatchObject({
      actorId: reviewer.id,
      subjectType: "post",
      before: { verdict: "out", machineVerdict: "out", reason: null },
      after: { verdict: "in", machineVerdict: "out", reason: "The resignation was announced today." },
    });
  });

  it("refuses a verdict the post already has, a post without triage, and a reason-less overturn", async () => {
    const [id] = await triaged({ text: opinion });
    const [untriaged] = (await upsertPosts(t.db, [makePost({ id: newId() })])).changed.map((c) => c.id);
    await expect(overturnTriage({ postId: id!, verdict: "out", reason: "Still opinion." }, reviewer)).rejects.toMatchObject({ code: "invalid_state" });
    await expect(overturnTriage({ postId: untriaged!, verdict: "in", reason: "Checkable." }, reviewer)).rejects.toMatchObject({ code: "not_found" });
    await expect(overturnTriage({ postId: "42", verdict: "in", reason: "Checkable." }, reviewer)).rejects.toBeInstanceOf(DomainError);
    await expect(overturnTriage({ postId: id!, verdict: "in", reason: " " }, reviewer)).rejects.toThrow(/why/);
    expect(await auditActions(t.db, id!)).toEqual([]);
  });
});
