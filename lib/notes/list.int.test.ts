import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedUser } from "../../tests/support/fixtures/review";
import { noteDetail } from "./detail";
import { parseNotesQuery, type NotesQuery } from "./filters";
import { listNotes, notesFilterOptions } from "./list";
import { seedSubmittedNote, seedWrittenNote } from "./test-support";

let t: TestDatabase;
let writerId: string;
let ann: { id: string; name: string };
let ben: { id: string; name: string };
const ids = { unedited: "", edited: "" };
const MINUTE = 60_000;
const start = Date.UTC(2026, 10, 1);

const query = (params: Record<string, string> = {}): NotesQuery => parseNotesQuery(params);

beforeAll(async () => {
  t = await createTestDatabase();
  writerId = (await t.db.writer.create({ data: { name: "list" } })).id;
  ann = await seedUser(t.db, "Ann Approver");
  ben = await seedUser(t.db, "Ben Approver");
  // 120 notes written elsewhere, one a minute, the odd ones in production.
  for (let i = 0; i < 120; i++) {
    await seedWrittenNote(t.db, {
      writerId,
      testMode: i % 2 === 0,
      status: i % 2 === 0 ? null : i % 3 === 0 ? "currently_rated_helpful" : "needs_more_ratings",
      buckets: { claimOpinion: i % 4 === 0 ? "low" : "high" },
      firstSeenAt: new Date(start + i * MINUTE),
      lastChangedAt: new Date(start + (200 - i) * MINUTE),
    });
  }
  ids.unedited = (await seedSubmittedNote(t.db, { writerId, approverId: ann.id, aiText: "Draft A https://a.org/x", firstSeenAt: new Date(start - MINUTE) })).id;
  ids.edited = (await seedSubmittedNote(t.db, { writerId, approverId: ben.id, aiText: "Draft B https://b.org/x", sentText: "Draft B, fixed https://b.org/x", firstSeenAt: new Date(start - 2 * MINUTE) })).id;
});
afterAll(() => t.drop());

describe("listNotes", () => {
  it("pages forward and back through every note, newest first", async () => {
    const seen: string[] = [];
    let page = await listNotes(writerId, query());
    expect(page.total).toBe(122);
    expect(page.previousCursor).toBeNull();
    const firstPage = page.rows.map((r) => r.id);
    for (;;) {
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      page = await listNotes(writerId, query({ after: page.nextCursor }));
    }
    expect(seen).toHaveLength(122);
    expect(new Set(seen).size).toBe(122);
    const times = (await t.db.writtenNote.findMany({ select: { id: true, firstSeenAt: true } })).map((n) => [n.id, n.firstSeenAt.getTime()] as const);
    const when = new Map(times);
    expect(seen.map((id) => when.get(id))).toEqual([...seen.map((id) => when.get(id))].sort((a, b) => (b ?? 0) - (a ?? 0)));

    const second = await listNotes(writerId, query({ after: (await listNotes(writerId, query())).nextCursor ?? "" }));
    expect(second.previousCursor).not.toBeNull();
    const back = await listNotes(writerId, query({ before: second.previousCursor ?? "" }));
    expect(back.rows.map((r) => r.id)).toEqual(firstPage);
    expect(back.previousCursor).toBeNull();
  });

  it("sorts by last change, ascending when asked", async () => {
    const page = await listNotes(writerId, query({ sort: "last_changed", dir: "asc" }));
    const changed = page.rows.map((r) => r.lastChangedAt);
    expect(changed).toEqual([...changed].sort());
  });

  it("filters by mode, status, bucket, origin and approver", async () => {
    expect((await listNotes(writerId, query({ mode: "production" }))).total).toBe(60);
    expect((await listNotes(writerId, query({ mode: "test", status: "none" }))).total).toBe(62);
    expect((await listNotes(writerId, query({ status: "currently_rated_helpful" }))).total).toBe(20);
    expect((await listNotes(writerId, query({ co: "low" }))).total).toBe(30);
    expect((await listNotes(writerId, query({ origin: "external" }))).total).toBe(120);
    expect((await listNotes(writerId, query({ origin: "unedited" }))).rows.map((r) => r.id)).toEqual([ids.unedited]);
    const edited = await listNotes(writerId, query({ origin: "edited" }));
    expect(edited.rows).toEqual([expect.objectContaining({ id: ids.edited, approvedBy: "Ben Approver", origin: "edited" })]);
    expect((await listNotes(writerId, query({ approver: ann.id }))).rows.map((r) => r.id)).toEqual([ids.unedited]);
  });

  it("falls back to defaults on values that do not parse", async () => {
    const bad = query({ mode: "sideways", sort: "'; DROP TABLE notes", co: "HIGH!", after: "not-a-cursor", range: "forever" });
    expect(bad).toMatchObject({ mode: "all", sort: "first_seen", co: undefined, after: undefined, range: "90d" });
    expect((await listNotes(writerId, bad)).total).toBe(122);
  });

  it("offers the statuses and approvers there are", async () => {
    expect(await notesFilterOptions(writerId)).toEqual({
      statuses: ["currently_rated_helpful", "needs_more_ratings"],
      approvers: [{ id: ann.id, name: "Ann Approver" }, { id: ben.id, name: "Ben Approver" }],
    });
  });
});

describe("noteDetail", () => {
  it("shows a sent note with its timeline, its draft's revisions and who approved it", async () => {
    await t.db.noteSnapshot.create({ data: { noteId: ids.edited, observedAt: new Date(), status: "currently_rated_helpful", claimOpinion: "high" } });
    const detail = await noteDetail(ids.edited);
    expect(detail?.note).toMatchObject({ id: ids.edited, origin: "edited", approvedBy: "Ben Approver" });
    expect(detail?.timeline.map((s) => s.status)).toEqual([null, "currently_rated_helpful"]);
    expect(detail?.revisions.map((r) => [r.number, r.authorKind, r.text])).toEqual([
      [1, "ai", "Draft B https://b.org/x"],
      [2, "human", "Draft B, fixed https://b.org/x"],
    ]);
    expect(detail?.submission).toMatchObject({ approvedBy: "Ben Approver", state: "succeeded" });
  });

  it("is null for a note that does not exist", async () => {
    expect(await noteDetail("404")).toBeNull();
  });
});
