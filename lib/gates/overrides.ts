import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { writtenReasonSchema } from "@/lib/controls/reason";
import { getDb, sqlBatched } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";

import { gateLabels, overridableGates, type GateId, type GateOverrideDto } from "./dto";
import { loadSubject } from "./subject";

/**
 * An admin's decision to send despite a failing links or evaluator gate. It names the exact payload
 * (its hash): any edit, regenerated draft or mode switch changes the hash, and the override no
 * longer applies. It covers one submission: once used, only a re-send of that same request
 * (reconciliation after a lost answer) is still covered.
 */

export const overrideInputSchema = z.object({
  draftId: z.string().trim().min(1).max(64),
  gate: z.enum(overridableGates, { message: "Only the links and evaluate_note gates can be overridden." }),
  payloadHash: z.string().regex(/^[0-9a-f]{64}$/, { message: "The checklist this override answers is missing its payload hash." }),
  reason: writtenReasonSchema,
});
export type OverrideInput = z.input<typeof overrideInputSchema>;

export async function overrideGate(input: OverrideInput, actor: Actor): Promise<{ id: string }> {
  const { draftId, gate, payloadHash, reason } = overrideInputSchema.parse(input);
  const subject = await loadSubject({ draftId });
  if (subject.payloadHash === null) throw new DomainError("blocked", "This note can't be sent as it is, so there is nothing to override. Fix the failing checks first.");
  if (subject.payloadHash !== payloadHash) {
    throw new DomainError("conflict", "The note changed since these checks were made. Look at the new version's checks before overriding.");
  }
  return getDb().$transaction(async (tx) => {
    const existing = await tx.gateOverride.count({ where: { draftId, gate, payloadHash, usedAt: null } });
    if (existing > 0) throw new DomainError("invalid_state", `"${gateLabels[gate]}" is already overridden for this exact note.`);
    const { id } = await tx.gateOverride.create({ data: { draftId, gate, payloadHash, reason, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "gate.override", subjectType: "draft", subjectId: draftId, after: { overrideId: id, gate, payloadHash, reason } });
    return { id };
  });
}

/** The overrides that apply to this payload now, by gate (the newest, if several). */
export async function applicableOverrides(draftId: string, payloadHash: string, submissionId: string | null): Promise<Map<GateId, GateOverrideDto>> {
  const rows = await sqlBatched().$queryRaw<{ id: string; gate: string; reason: string; at: Date; by: string }[]>`
    SELECT o.id, o.gate, o.reason, o.created_at AS at, u.name AS by
      FROM gate_overrides o JOIN users u ON u.id = o.created_by_id
     WHERE o.draft_id = ${draftId} AND o.payload_hash = ${payloadHash}
       AND (o.used_at IS NULL OR o.used_for_submission_id = ${submissionId})
     ORDER BY o.created_at DESC`;
  const byGate = new Map<GateId, GateOverrideDto>();
  for (const row of rows) {
    const gate = overridableGates.find((g) => g === row.gate);
    if (gate && !byGate.has(gate)) byGate.set(gate, { id: row.id, by: row.by, reason: row.reason, at: row.at });
  }
  return byGate;
}

/**
 * Marks the overrides a send relies on as used by this submission, in one statement that only
 * succeeds if each is still free for it; otherwise nothing is marked and the send is refused.
 */
export async function markOverridesUsed(overrides: readonly GateOverrideDto[], submissionId: string, draftId: string): Promise<void> {
  if (overrides.length === 0) return;
  const ids = overrides.map((o) => o.id);
  await getDb().$transaction(async (tx) => {
    const used = await tx.gateOverride.updateMany({
      where: { id: { in: ids }, OR: [{ usedAt: null }, { usedForSubmissionId: submissionId }] },
      data: { usedAt: new Date(), usedForSubmissionId: submissionId },
    });
    if (used.count !== ids.length) throw new DomainError("conflict", "An override this note relied on was used by another submission meanwhile. Nothing was sent.");
    await recordAudit(tx, { actorId: null, action: "gate.override_used", subjectType: "draft", subjectId: draftId, after: { overrideIds: ids, submissionId } });
  });
}
