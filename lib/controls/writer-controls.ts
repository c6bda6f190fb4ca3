import "server-only";

import { z } from "zod";

import { llmBudgetStatuses, type LlmBudgetStatus } from "@/lib/costs/budgets";
import { getDb } from "@/lib/db";
import type { AdmissionProgress } from "@/lib/notes/admission";
import { readAdmissionProgress } from "@/lib/notes/admission-read";
import { listWriters } from "@/lib/writers/store";

import { claimOpinionThreshold, type ClaimOpinionThreshold } from "./thresholds";
import { writerModes, type WriterMode } from "./writer-mode";

/** Everything Settings → Controls shows and edits for one writer. */
export type WriterControlsDto = {
  id: string;
  name: string;
  mode: WriterMode;
  threshold: ClaimOpinionThreshold;
  budget: LlmBudgetStatus | null;
  /** X's admission bars over the last 50 test notes: what the switch to production shows first. */
  admission: AdmissionProgress;
  /** Approvals waiting to be sent in the current mode: a switch voids them. */
  pendingApprovals: number;
  /** The last switch, from the audit trail. */
  lastSwitch: { by: string | null; at: Date; to: WriterMode } | null;
};

const modeAfterSchema = z.object({ mode: z.enum(writerModes) });

async function lastModeSwitch(writerId: string): Promise<WriterControlsDto["lastSwitch"]> {
  const event = await getDb().auditEvent.findFirst({
    where: { subjectType: "writer", subjectId: writerId, action: "writer.mode" },
    orderBy: { id: "desc" },
    select: { at: true, after: true, actor: { select: { name: true } } },
  });
  const after = modeAfterSchema.safeParse(event?.after);
  return event && after.success ? { by: event.actor?.name ?? null, at: event.at, to: after.data.mode } : null;
}

export async function listWriterControls(): Promise<WriterControlsDto[]> {
  const [writers, budgets] = await Promise.all([listWriters(), llmBudgetStatuses()]);
  return Promise.all(
    writers.map(async (writer) => {
      const [threshold, admission, pendingApprovals, lastSwitch] = await Promise.all([
        claimOpinionThreshold(writer.id),
        readAdmissionProgress(writer.id),
        getDb().submission.count({ where: { writerId: writer.id, state: "pending", testMode: writer.testMode } }),
        lastModeSwitch(writer.id),
      ]);
      return {
        id: writer.id,
        name: writer.name,
        mode: writer.testMode ? "test" : "production",
        threshold,
        budget: budgets.find((b) => b.writerId === writer.id) ?? null,
        admission,
        pendingApprovals,
        lastSwitch,
      } satisfies WriterControlsDto;
    }),
  );
}
