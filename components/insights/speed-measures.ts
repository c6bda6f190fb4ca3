import type { SpeedMeasureId } from "@/lib/insights/dto";

/** How each speed measure is named and explained (docs/insights.md defines them). */
export const speedMeasures: Record<SpeedMeasureId, { title: string; note: string; events: string; none: string }> = {
  postAge: {
    title: "Post age at submission",
    note: "from the post's time on X to X accepting the note",
    events: "notes X accepted",
    none: "No note was accepted by X in this period.",
  },
  queue: {
    title: "Time in the queue",
    note: "from entering the queue to the decision that stands",
    events: "decisions",
    none: "No draft was approved or rejected in this period.",
  },
  draftToDecision: {
    title: "Draft to decision",
    note: "from the draft's creation (drafting included) to the decision",
    events: "decisions",
    none: "No draft was approved or rejected in this period.",
  },
};
