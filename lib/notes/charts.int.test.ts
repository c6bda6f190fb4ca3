import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedUser } from "../../tests/support/fixtures/review";
import { computeNotesCharts } from "./charts";
import { parseNotesQuery } from "./filters";
import { seedSubmittedNote, seedWrittenNote } from "./test-support";

let t: TestDatabase;
let writerId: string;
const now = new Date(Date.UTC(2026, 10, 20, 12));
const day = (d: number, hour = 9) => new Date(Date.UTC(2026, 10, d, hour));

/** A production note and its status history: [when, status] pairs, the first being when it was written. */
async function production(history: [Date, string][]) {
  const [first] = history;
  if (!first) throw new Error("empty history");
  const note = await seedWrittenNote(t.db, { writerId, testMode: false, status: history.at(-1)?.[1] ?? null, firstSeenAt: first[0] });
  await t.db.noteSnapshot.deleteMany({ where: { noteId: note.id } });
  for (const [observedAt, status] of history) await t.db.noteSnapshot.create({ data: { noteId: note.id, observedAt, status } });
  return note.id;
}

let reconsidered = "";

beforeAll(async () => {
  t = await createTestDatabase();
  writerId = (await t.db.writer.create({ data: { name: "charts" } })).id;
  await production([[day(17), "needs_more_ratings"], [day(18), "currently_rated_helpful"]]);
  reconsidered = await production([[day(18), "needs_more_ratings"], [day(19), "currently_rated_not_helpful"]]);
  // Written and rated long before the range: it is already helpful when the chart starts.
  await production([[new Date(Date.UTC(2026, 8, 1)), "needs_more_ratings"], [new Date(Date.UTC(2026, 8, 2)), "currently_rated_helpful"]]);
  await seedWrittenNote(t.db, { writerId, testMode: true, firstSeenAt: day(19), buckets: { claimOpinion: "high", urlValidity: "low", harassmentAbuse: "unknown" } });
  const approver = await seedUser(t.db);
  await seedSubmittedNote(t.db, { writerId, approverId: approver.id, aiText: "Sourced https://a.org/1", evaluateScore: 1.3, approvedAt: day(20, 8) });
  await seedSubmittedNote(t.db, { writerId, approverId: approver.id, aiText: "Opinion https://a.org/2", evaluateScore: -0.6, approvedAt: day(20, 9), buckets: { claimOpinion: "low" } });
});
afterAll(() => t.drop());

describe("notesCharts", () => {
  it("counts production notes in each status at the end of each day, starting from history before the range", async () => {
    const charts = await computeNotesCharts(writerId, parseNotesQuery({ range: "30d" }), now);
    expect(charts.unit).toBe("day");
    expect(charts.statuses.series).toEqual(["currently_rated_helpful", "currently_rated_not_helpful", "needs_more_ratings"]);
    const at = (period: string) => charts.statuses.points.find((p) => p.period === period);
    expect(charts.statuses.points[0]).toMatchObject({ period: "2026-10-21", currently_rated_helpful: 1, needs_more_ratings: 0 });
    expect(at("2026-11-17")).toMatchObject({ currently_rated_helpful: 1, needs_more_ratings: 1, currently_rated_not_helpful: 0 });
    expect(at("2026-11-18")).toMatchObject({ currently_rated_helpful: 2, needs_more_ratings: 1 });
    expect(at("2026-11-19")).toMatchObject({ currently_rated_helpful: 2, needs_more_ratings: 0, currently_rated_not_helpful: 1 });
    expect(charts.statuses.points.at(-1)).toMatchObject({ period: "2026-11-20", currently_rated_helpful: 2 });
  });

  it("counts buckets and the helpful share by the day notes were written, with empty days filled", async () => {
    const charts = await computeNotesCharts(writerId, parseNotesQuery({ range: "30d" }), now);
    const co = (period: string) => charts.buckets.ClaimOpinion.find((p) => p.period === period);
    expect(co("2026-11-19")).toEqual({ period: "2026-11-19", high: 1, medium: 0, low: 0, unscored: 0 });
    expect(co("2026-11-20")).toEqual({ period: "2026-11-20", high: 1, medium: 0, low: 1, unscored: 0 });
    expect(co("2026-11-01")).toEqual({ period: "2026-11-01", high: 0, medium: 0, low: 0, unscored: 0 });
    expect(charts.buckets.HarassmentAbuse.find((p) => p.period === "2026-11-19")).toMatchObject({ high: 0, unscored: 1 });
    const helpful = (period: string) => charts.helpful.find((p) => p.period === period);
    expect(helpful("2026-11-17")).toEqual({ period: "2026-11-17", written: 1, rated: 1, helpful: 1, notHelpful: 0, share: 1 });
    expect(helpful("2026-11-18")).toMatchObject({ written: 1, rated: 1, helpful: 0, share: 0 });
    expect(helpful("2026-11-19")).toMatchObject({ written: 0, share: null });
  });

  it("puts evaluate_note scores in bins of 0.5 against the bucket that came back", async () => {
    const charts = await computeNotesCharts(writerId, parseNotesQuery({ range: "30d" }), now);
    expect(charts.scores).toEqual([
      { bin: -1, high: 0, medium: 0, low: 1, unscored: 0 },
      { bin: 1, high: 1, medium: 0, low: 0, unscored: 0 },
    ]);
  });

  it("extends the status history with the snapshots a later refresh adds", async () => {
    await computeNotesCharts(writerId, parseNotesQuery({ range: "30d" }), now);
    await t.db.noteSnapshot.create({ data: { noteId: reconsidered, observedAt: day(20, 10), status: "currently_rated_helpful" } });
    const charts = await computeNotesCharts(writerId, parseNotesQuery({ range: "30d" }), now);
    expect(charts.statuses.points.find((p) => p.period === "2026-11-19")).toMatchObject({ currently_rated_helpful: 2, currently_rated_not_helpful: 1 });
    expect(charts.statuses.points.at(-1)).toMatchObject({ period: "2026-11-20", currently_rated_helpful: 3, currently_rated_not_helpful: 0 });
  });

  it("goes by week over a year, and keeps to the chosen mode", async () => {
    const charts = await computeNotesCharts(writerId, parseNotesQuery({ range: "1y", mode: "test" }), now);
    expect(charts.unit).toBe("week");
    expect(charts.buckets.ClaimOpinion.at(-1)).toEqual({ period: "2026-11-16", high: 2, medium: 0, low: 1, unscored: 0 });
    expect(charts.helpful.every((p) => p.written === 0)).toBe(true);
  });
});
