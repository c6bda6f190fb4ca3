import type { StoredEvaluatorResult } from "./evaluators";
import type { NoteOrigin } from "./filters";

/** What lib/notes hands to pages and components: plain data, dates as ISO strings. Types only. */

export type NoteMode = "test" | "production";

export type NoteBuckets = { claimOpinion: string | null; urlValidity: string | null; harassmentAbuse: string | null };

export type NoteRowDto = NoteBuckets & {
  id: string;
  postId: string;
  /** null when the post was never synced (only its id is known). */
  postText: string | null;
  text: string;
  mode: NoteMode;
  status: string | null;
  /** Float results (historical evaluators), shown beside the buckets. */
  scores: StoredEvaluatorResult[];
  /** When Notedesk sent it; null for notes written elsewhere. */
  submittedAt: string | null;
  firstSeenAt: string;
  lastChangedAt: string;
  approvedBy: string | null;
  origin: NoteOrigin;
};

export type NotesPageDto = {
  rows: NoteRowDto[];
  /** Notes matching the filters, all pages. */
  total: number;
  /** Cursors for the neighbouring pages; null at either end. */
  nextCursor: string | null;
  previousCursor: string | null;
};

export type FilterOptionsDto = {
  statuses: string[];
  approvers: { id: string; name: string }[];
};

export type BucketCounts = { high: number; medium: number; low: number; unscored: number };

export type ChartsDto = {
  unit: "day" | "week";
  /** Per evaluator, the buckets of the notes written in each period. */
  buckets: Record<"ClaimOpinion" | "UrlValidity" | "HarassmentAbuse", (BucketCounts & { period: string })[]>;
  /** Production notes in each status at the end of each period (a status key per series). */
  statuses: { series: string[]; points: Record<string, number | string>[] };
  /** Of the production notes written in each period, how many have been rated and how many helpful. */
  helpful: { period: string; written: number; rated: number; helpful: number; notHelpful: number; share: number | null }[];
  /** evaluate_note's ClaimOpinion score (bins of 0.5) against the bucket X gave the note. */
  scores: { bin: number; high: number; medium: number; low: number; unscored: number }[];
};
