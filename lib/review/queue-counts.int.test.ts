import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDraft, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { countQueue, listQueue, listTriagedOut } from "./queue";
import { parseQueueFilters } from "./queue-filters";

// A database of its own: these triaged-out drafts would change the statistics queue.int.test.ts's plans rely on.
const t = await createTestDatabase();
afterAll(() => t.drop());

let viewer: { id: string; name: string };
beforeAll(async () => {
  viewer = await seedUser(t.db, "Viewer");
});

async function triage(postId: string, verdict: "in" | "out") {
  await t.db.$executeRaw`
    UPDATE posts SET checkability = 0.8, triage_verdict = ${verdict}, machine_verdict = ${verdict}, priority_key = 28000, triaged_at = now()
     WHERE id = ${postId}`;
}

/** The ids a list shows, on one page (these tests make far fewer drafts than a page holds). */
async function listed(filters: Record<string, string>): Promise<string[]> {
  const page = await listQueue(parseQueueFilters({ ...filters, limit: "100" }), viewer);
  expect(page.nextCursor).toBeNull();
  return page.rows.map((r) => r.id);
}

describe("countQueue with posts triaged out", () => {
  it("agrees with the Ready, New and Triaged out lists, per writer and overall", async () => {
    const w = (await seedWriter(t.db)).id;
    const other = (await seedWriter(t.db)).id;
    const kept = await seedDraft(t.db, { writerId: w });
    const untriaged = await seedDraft(t.db, { writerId: w });
    const outWaiting = await seedDraft(t.db, { writerId: w });
    const outNew = await seedDraft(t.db, { writerId: w, state: "new", note: null });
    const outDecided = await seedDraft(t.db, { writerId: w, state: "rejected" });
    // Another writer's draft of a post that is out, and a post triaged out with no draft at all.
    await seedDraft(t.db, { writerId: other, postId: outWaiting.postId, testMode: false });
    const noDraft = await seedDraft(t.db, { writerId: other });
    await t.db.draft.delete({ where: { id: noDraft.id } });
    await triage(kept.postId, "in");
    for (const postId of [outWaiting.postId, outNew.postId, outDecided.postId, noDraft.postId]) await triage(postId, "out");

    const counts = await countQueue(w);
    const ready = await listed({ writer: w });
    expect(ready.sort()).toEqual([kept.id, untriaged.id].sort());
    expect(counts.states).toMatchObject({ ready: ready.length, new: (await listed({ writer: w, state: "new" })).length, rejected: 1 });
    expect(counts.states.new).toBe(0);
    expect((await countQueue(other)).states.ready).toBe((await listed({ writer: other })).length);
    expect((await countQueue(other)).states.ready).toBe(0);
    expect((await countQueue()).states.ready).toBe((await listed({})).length);

    const triagedOut = (await listTriagedOut({ limit: 100 })).rows.length;
    expect(triagedOut).toBe(4);
    expect(counts.triagedOut).toBe(triagedOut);
    expect((await countQueue()).triagedOut).toBe(triagedOut);
  });
});
