import type { FunnelStepId } from "./funnel-labels";

/** What lib/insights hands to pages and components: plain data, dates as ISO strings. Types only. */

export type DropReasonDto = { reason: string; label: string; count: number };

export type FunnelStepDto = {
  id: FunnelStepId;
  label: string;
  means: string;
  /** Posts that passed this step and every one before it. */
  reached: number;
  /** Posts that reached the step before and stopped here (0 for the first step). */
  dropped: number;
  droppedMeans: string;
  /** reached ÷ the previous step's reached; null for the first step or when the previous is 0. */
  fromPrevious: number | null;
  /** reached ÷ eligible; null when nothing was eligible. */
  fromEligible: number | null;
  /** Why they dropped here, most common first. */
  reasons: DropReasonDto[];
};

export type FunnelDto = { steps: FunnelStepDto[]; eligible: number };

export type DropoutRowDto = {
  postId: string;
  postUrl: string;
  postExcerpt: string;
  authorUsername: string | null;
  mode: "test" | "production";
  firstSeenAt: string;
  draftId: string | null;
  draftState: string | null;
  noteId: string | null;
  reason: string;
  reasonLabel: string;
  /** The AI's rationale, the rejection note, X's error: whatever says more than the reason. */
  detail: string | null;
};

export type DropoutsDto = { step: FunnelStepId; reason: string | null; rows: DropoutRowDto[] };

/** A duration's distribution: median and 90th percentile in seconds, over n events. */
export type Percentiles = { n: number; median: number | null; p90: number | null };

export type SpeedMeasureId = "postAge" | "queue" | "draftToDecision";

export type SpeedDto = {
  unit: "day" | "week";
  measures: Record<SpeedMeasureId, { overall: Percentiles; points: ({ period: string } & Percentiles)[] }>;
};
