import "server-only";

import { getDb, Prisma } from "@/lib/db";

import { wordEditDistance } from "./edit-distance";
import type { ExportRow } from "./export-stream";
import type { NotesFilters } from "./filters";
import { claimOpinionScore, isDecision, noteScoreJoins, origin, originJoins, sentText } from "./sql";
import { notesWhere } from "./where";

/** Rows per database read: big enough to keep round trips few, small enough to hold nothing much. */
export const EXPORT_BATCH = 1_000;

export const exportDatasets = ["notes", "decisions"] as const;

export const exportColumns: Record<(typeof exportDatasets)[number], readonly string[]> = {
  notes: [
    "note_id", "post_id", "mode", "status", "claim_opinion", "url_validity", "harassment_abuse", "evaluator_results",
    "evaluate_score", "origin", "approved_by", "approved_at", "submitted_at", "first_seen_at", "last_changed_at",
    "words_changed", "ai_draft_text", "sent_text", "note_text",
  ],
  decisions: [
    "decision_id", "decided_at", "reviewer", "action", "draft_id", "post_id", "mode", "seconds_since_ai_draft",
    "note_id", "status", "claim_opinion", "url_validity", "harassment_abuse", "origin",
  ],
};

type NoteExportRow = ExportRow & { note_id: string; origin: string; ai_draft_text: string | null; sent_text: string | null };

/** Every note matching the table's filters, with its edits and outcome: keyset batches on the note id. */
export async function* noteExportBatches(writerId: string, filters: NotesFilters): AsyncGenerator<ExportRow[]> {
  const where = notesWhere(writerId, filters);
  let after = "";
  for (;;) {
    const rows = await getDb().$queryRaw<NoteExportRow[]>`
      SELECT n.id AS note_id, n.post_id, CASE WHEN n.test_mode THEN 'test' ELSE 'production' END AS mode, n.status,
        n.claim_opinion, n.url_validity, n.harassment_abuse, n.evaluator_results, ${claimOpinionScore} AS evaluate_score,
        ${origin} AS origin, u.name AS approved_by, s.created_at AS approved_at, s.completed_at AS submitted_at,
        n.first_seen_at, n.last_changed_at, r1.text AS ai_draft_text, CASE WHEN s.id IS NOT NULL THEN ${sentText} END AS sent_text,
        n.text AS note_text
      FROM written_notes n ${originJoins}
      LEFT JOIN users u ON u.id = s.approved_by_id
      ${noteScoreJoins}
      WHERE ${where} AND n.id > ${after}
      ORDER BY n.id
      LIMIT ${EXPORT_BATCH}`;
    if (rows.length === 0) return;
    yield rows.map((row) => ({ ...row, words_changed: wordsChanged(row) }));
    after = rows.at(-1)!.note_id;
  }
}

function wordsChanged(row: NoteExportRow): number | null {
  if (row.origin === "unedited") return 0;
  return row.origin === "edited" && row.ai_draft_text !== null && row.sent_text !== null ? wordEditDistance(row.ai_draft_text, row.sent_text) : null;
}

/** Every reviewer decision on the writer's drafts, with what became of the note: keyset batches on the audit id. */
export async function* decisionExportBatches(writerId: string, filters: Pick<NotesFilters, "mode">): AsyncGenerator<ExportRow[]> {
  const mode = filters.mode === "all" ? Prisma.empty : Prisma.sql`AND d.test_mode = ${filters.mode === "test"}`;
  let after = 0n;
  for (;;) {
    const rows = await getDb().$queryRaw<(ExportRow & { decision_id: string })[]>`
      SELECT e.id::text AS decision_id, e.at AS decided_at, u.name AS reviewer, substring(e.action FROM 7) AS action,
        d.id AS draft_id, d.post_id, CASE WHEN d.test_mode THEN 'test' ELSE 'production' END AS mode,
        extract(epoch FROM e.at - r1.created_at)::float8 AS seconds_since_ai_draft,
        n.id AS note_id, n.status, n.claim_opinion, n.url_validity, n.harassment_abuse,
        CASE WHEN n.id IS NOT NULL THEN ${origin} END AS origin
      FROM audit_events e
      JOIN drafts d ON d.id = e.subject_id AND d.writer_id = ${writerId}
      LEFT JOIN users u ON u.id = e.actor_id
      LEFT JOIN submissions s ON s.draft_id = d.id
      LEFT JOIN revisions r1 ON r1.draft_id = d.id AND r1.number = 1
      LEFT JOIN written_notes n ON n.submission_id = s.id
      WHERE e.subject_type = 'draft' AND ${isDecision} AND e.id > ${after} ${mode}
      ORDER BY e.id
      LIMIT ${EXPORT_BATCH}`;
    if (rows.length === 0) return;
    yield rows;
    after = BigInt(rows.at(-1)!.decision_id);
  }
}
