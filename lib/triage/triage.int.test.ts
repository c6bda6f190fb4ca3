import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/lib/db";
import { makePost } from "@/lib/drafting/testing/posts";
import { DomainError } from "@/lib/errors";
import { upsertPosts } from "@/lib/ingest/upsert-posts";
import type { NormalizedPost } from "@/lib/posts/post";
import { auditActions, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { triagePost } from "./assess";
import { overturnTriage } from "./overturn";
import { PRIORITY_HALF_LIFE_HOURS } from "./priority";
import { TRIAGE_PRIORITY_ORDER_SQL } from "./queue-order";
import { triageFor } from "./read";

let t: TestDatabase;
let reviewer: { id: string; name: string };
beforeAll(async () => {
  t = await createTestDatabase();
  reviewer = await seedUser(t.db, "Rita Reviewer", "reviewer");
});
afterAll(() => t.drop());

let sequence = 0;
/** Stores posts with their heuristic triage, as a sync does. */
async function triaged(...overrides: Partial<NormalizedPost>[]): Promise<string[]> {
  const posts = overrides.map((o) => makePost({ id: String(1_800_000_000_000_000_000n + BigInt(++sequence)), ...o }));
  await upsertPosts(t.db, posts, new Map(posts.map((post) => [post.id, triagePost(post, new Date())])));
  return posts.map((p) => p.id);
}

describe("stored triage", () => {
  it("gives each triaged post's verdict, reasons and priority, and nothing for the others", async () => {
    const [id] = await triaged({ text: "I think the mayor will resign.", postedAt: "2026-01-12T09:00:00.000Z" });
    const map = await triageFor([id!, "1234"]);
    expect([...map.keys()]).toEqual([id]);
    expect(map.get(id!)).toMatchObject({
      postId: id,
      verdict: "out",
      machineVerdict: "out",
      assessedBy: "heuristic",
      reasons: [{ signal: "opinion" }, { signal: "prediction" }],
      priority: { agedFrom: new Date("2026-01-12T09:00:00.000Z"), factors: { noteRequests: 0, reach: null, reachEstimated: false } },
      overturn: null,
    });
  });

  it("stores a key that SQL can recompute from priority_base and aged_from (docs/triage.md, changing the half-life)", async () => {
    await triaged({ postedAt: "2026-01-12T09:00:00.000Z" }, { postedAt: null });
    const [row] = await t.db.$queryRaw<{ worst: number }[]>`
      SELECT max(abs(priority_key - (priority_base + ln(2) / ${PRIORITY_HALF_LIFE_HOURS} * extract(epoch FROM aged_from) / 3600)))::float8 AS worst
        FROM post_triage`;
    expect(row?.worst).toBeLessThan(1e-5);
  });
});

describe("overturnTriage", () => {
  it("puts a triaged-out post back in with the reviewer's reason, audited", async () => {
    const [id] = await triaged({ text: "I think the mayor will resign." });
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
    const [id] = await triaged({ text: "I think the mayor will resign." });
    await expect(overturnTriage({ postId: id!, verdict: "out", reason: "Still opinion." }, reviewer)).rejects.toMatchObject({ code: "invalid_state" });
    await expect(overturnTriage({ postId: "42", verdict: "in", reason: "Checkable." }, reviewer)).rejects.toBeInstanceOf(DomainError);
    await expect(overturnTriage({ postId: id!, verdict: "in", reason: " " }, reviewer)).rejects.toThrow(/why/);
    expect(await auditActions(t.db, id!)).toEqual([]);
  });
});

describe("the queue's order (phase 2)", () => {
  it("orders drafts by triage priority now, a post not yet triaged first", async () => {
    const writer = await seedWriter(t.db);
    const hour = 3_600_000;
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * hour).toISOString();
    const claim = "Official figures: 4,800 homes stand empty.";
    const [stale, fresh, requested] = await triaged(
      { text: claim, postedAt: at(30) },
      { text: claim, postedAt: at(1) },
      { text: claim, postedAt: at(6), noteRequests: [{ suggestionId: null, suggestion: "Wrong figure.", sourceLink: null }] },
    );
    const [untriaged] = (await upsertPosts(t.db, [makePost({ id: "1700000000000000001", postedAt: at(0) })])).changed.map((c) => c.id);
    for (const postId of [stale, untriaged, fresh, requested]) {
      await t.db.draft.create({ data: { writerId: writer.id, postId: postId!, testMode: true, state: "ready" } });
    }
    const rows = await t.db.$queryRaw<{ postId: string }[]>`
      SELECT d.post_id AS "postId" FROM drafts AS d LEFT JOIN post_triage ON post_triage.post_id = d.post_id
      WHERE d.writer_id = ${writer.id}
      ORDER BY ${TRIAGE_PRIORITY_ORDER_SQL}, d.id`;
    // One note request doubles priority, worth 12 hours: 6 hours old with one beats 1 hour old without.
    expect(rows.map((r) => r.postId)).toEqual([untriaged, requested, fresh, stale]);
  });

  it("can read the triaged-in posts by priority from the index", async () => {
    // A handful of rows would be read by a sequential scan anyway; what matters is that the index can serve the order.
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN SELECT post_id FROM post_triage WHERE verdict = 'in' ORDER BY ${TRIAGE_PRIORITY_ORDER_SQL} LIMIT 20`,
      );
    });
    const text = plan.map((p) => p["QUERY PLAN"]).join("\n");
    expect(text).toContain("post_triage_verdict_priority_key_idx");
    expect(text).not.toContain("Sort");
  });
});
