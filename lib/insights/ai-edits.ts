import "server-only";

import { Prisma } from "@/lib/db";
import { median, wordEditDistance } from "@/lib/notes/edit-distance";

/**
 * How far approved notes moved from the AI's draft: SQL for the two texts, and the word-level edit
 * distance between them. Shared by the ratings analysis and anything that ranks drafting setups
 * (approval-without-edit rate per prompt or model variant).
 */

/**
 * The draft's AI draft as `ai` (id, text, checks, created_at): its lowest-numbered AI revision, the
 * one the review view shows and diffs against. Needs the draft as `d`.
 */
export const aiDraftJoin = Prisma.sql`LEFT JOIN LATERAL (
  SELECT r.id, r.text, r.checks, r.created_at FROM revisions r
  WHERE r.draft_id = d.id AND r.author_kind = 'ai' ORDER BY r.number LIMIT 1) ai ON true`;

/** The text that was approved, frozen in the submission `s` (sent, or to be sent, exactly so). */
export const approvedText = Prisma.sql`(s.request_body #>> '{info,text}')`;

export type EditSummary = {
  approved: number;
  /** Approved with no word changed (spacing aside). */
  unedited: number;
  /** Words inserted, deleted or replaced, over every approved note (unedited ones count 0). */
  medianWordsChanged: number | null;
};

export function wordsChanged(aiText: string, approved: string): number {
  return wordEditDistance(aiText, approved);
}

export function summarizeEdits(pairs: readonly { aiText: string; approvedText: string }[]): EditSummary {
  const changes = pairs.map((pair) => wordsChanged(pair.aiText, pair.approvedText));
  return { approved: changes.length, unedited: changes.filter((n) => n === 0).length, medianWordsChanged: median(changes) };
}
