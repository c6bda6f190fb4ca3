import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedUser } from "../../tests/support/fixtures/review";
import { decisionExportBatches, EXPORT_BATCH, exportColumns, noteExportBatches } from "./export-rows";
import { exportStream } from "./export-stream";
import { parseNotesQuery } from "./filters";
import { seedSubmittedNote } from "./test-support";

let t: TestDatabase;
let writerId: string;
const NOTES = 2_500;
const nasty = `=HYPERLINK("http://evil.example","click"), then a comma
and a second line`;

/** A strict RFC 4180 reader, to prove what the export wrote reads back exactly. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

async function read(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    text += decoder.decode(read.value, { stream: true });
    chunks++;
  }
  return { text, chunks };
}

beforeAll(async () => {
  t = await createTestDatabase();
  writerId = (await t.db.writer.create({ data: { name: "export" } })).id;
  await t.db.$executeRaw`INSERT INTO posts (id, text, content_hash) SELECT 'p' || g, '', '' FROM generate_series(1, ${NOTES}) g`;
  await t.db.$executeRaw`
    INSERT INTO written_notes (id, writer_id, post_id, test_mode, text, classification, misleading_tags, trustworthy_sources, status, claim_opinion, evaluator_results)
    SELECT lpad(g::text, 8, '0'), ${writerId}, 'p' || g, g % 2 = 0, CASE WHEN g % 10 = 0 THEN ${nasty} ELSE 'Note ' || g END,
      'not_misleading', '{}', true, CASE WHEN g % 2 = 1 THEN 'needs_more_ratings' END, 'high',
      '[{"evaluator_type": "ClaimOpinion", "evaluator_score_bucket": "High"}]'
    FROM generate_series(1, ${NOTES}) g`;
  const approver = await seedUser(t.db, "Ann, \"the\" Approver");
  await seedSubmittedNote(t.db, { writerId, approverId: approver.id, aiText: "Draft says 48% https://a.org/x", sentText: "Draft says 12% https://a.org/x", evaluateScore: -1.5 });
});
afterAll(() => t.drop());

describe("the notes export", () => {
  it("streams every note as CSV in batches, escaped and defused", async () => {
    const { text, chunks } = await read(exportStream("csv", exportColumns.notes, noteExportBatches(writerId, parseNotesQuery({}))));
    expect(chunks).toBe(1 + Math.ceil((NOTES + 1) / EXPORT_BATCH)); // the header, then one chunk per batch
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(exportColumns.notes);
    expect(rows).toHaveLength(NOTES + 2);
    expect(rows.every((r) => r.length === exportColumns.notes.length)).toBe(true);

    const column = (name: string) => exportColumns.notes.indexOf(name);
    const tenth = rows.find((r) => r[column("note_id")] === "00000010");
    expect(tenth?.[column("note_text")]).toBe(`'${nasty}`);
    expect(tenth?.[column("evaluator_results")]).toBe('[{"evaluator_type":"ClaimOpinion","evaluator_score_bucket":"High"}]');

    const sent = rows.find((r) => r[column("origin")] === "edited");
    expect(sent?.[column("approved_by")]).toBe('Ann, "the" Approver');
    expect(sent?.[column("evaluate_score")]).toBe("-1.5");
    expect(sent?.[column("words_changed")]).toBe("1");
    expect(sent?.[column("ai_draft_text")]).toBe("Draft says 48% https://a.org/x");
  });

  it("streams JSON that parses back to every note, with the table's filters applied", async () => {
    const all = JSON.parse((await read(exportStream("json", exportColumns.notes, noteExportBatches(writerId, parseNotesQuery({}))))).text);
    expect(all).toHaveLength(NOTES + 1);
    const production = JSON.parse((await read(exportStream("json", exportColumns.notes, noteExportBatches(writerId, parseNotesQuery({ mode: "production" }))))).text);
    expect(production).toHaveLength(NOTES / 2);
    expect(production[0]).toMatchObject({ mode: "production", status: "needs_more_ratings", evaluator_results: [{ evaluator_type: "ClaimOpinion" }] });
  });

  it("writes an empty but valid file when nothing matches", async () => {
    const none = parseNotesQuery({ status: "firm_reject" });
    expect(JSON.parse((await read(exportStream("json", exportColumns.notes, noteExportBatches(writerId, none)))).text)).toEqual([]);
    expect(parseCsv((await read(exportStream("csv", exportColumns.notes, noteExportBatches(writerId, none)))).text)).toEqual([exportColumns.notes]);
  });
});

describe("the decisions export", () => {
  it("lists decisions with what became of the note", async () => {
    const draft = await t.db.submission.findFirstOrThrow({ select: { draftId: true, approvedById: true } });
    await t.db.auditEvent.create({ data: { actorId: draft.approvedById, action: "draft.approve", subjectType: "draft", subjectId: draft.draftId } });
    const rows = JSON.parse((await read(exportStream("json", exportColumns.decisions, decisionExportBatches(writerId, { mode: "all" })))).text);
    expect(rows).toEqual([expect.objectContaining({ action: "approve", reviewer: 'Ann, "the" Approver', origin: "edited", claim_opinion: "high" })]);
  });
});
