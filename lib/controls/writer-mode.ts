import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";

import { voidApprovalsForWriter } from "./void-approvals";

export const writerModes = ["test", "production"] as const;
export type WriterMode = (typeof writerModes)[number];

/** `from` is the mode the admin saw when confirming: a stale dialog cannot flip the writer back. */
export const modeSwitchSchema = z.object({
  writerId: z.string().trim().min(1),
  from: z.enum(writerModes),
  to: z.enum(writerModes),
});
export type ModeSwitch = z.infer<typeof modeSwitchSchema>;

export type ModeSwitchResult = { writerId: string; mode: WriterMode; voidedApprovals: number };

/**
 * Test ↔ production, audited. X refuses production calls until it has admitted the writer, so the
 * confirmation shows admission progress first (the caller's job); this only makes the switch.
 */
export async function switchWriterMode(input: ModeSwitch, actor: Actor): Promise<ModeSwitchResult> {
  const { writerId, from, to } = modeSwitchSchema.parse(input);
  if (from === to) throw new DomainError("invalid_state", `The writer is already in ${to} mode.`);
  await getDb().$transaction(async (tx) => {
    const switched = await tx.writer.updateMany({ where: { id: writerId, testMode: from === "test" }, data: { testMode: to === "test" } });
    if (switched.count === 0) {
      const exists = await tx.writer.count({ where: { id: writerId } });
      throw exists
        ? new DomainError("conflict", `The writer is no longer in ${from} mode: someone switched it meanwhile. Reload to see its mode now.`)
        : new DomainError("not_found", "This writer no longer exists.");
    }
    await recordAudit(tx, { actorId: actor.id, action: "writer.mode", subjectType: "writer", subjectId: writerId, before: { mode: from }, after: { mode: to } });
  });
  return { writerId, mode: to, voidedApprovals: await voidApprovalsForWriter(writerId, actor.id) };
}
