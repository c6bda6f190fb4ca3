import "server-only";

import type { z } from "zod";

import { recordAudit, type AuditState } from "@/lib/audit/record";
import { ConflictError, Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";
import { inTransaction, type Tx } from "@/lib/review/sql";

import { resolveVariantModel } from "./models";
import type { VariantRow } from "./dto";
import { ensureDefaultVariant, toVariantRow, variantSelect } from "./store";
import { newVariantSchema, promotionSchema, variantChangeSchema, variantStatusSchema } from "./variant-input";

/**
 * What admins do to variants, each in one transaction with its audit row. The live variant changes
 * only by promotion; the database itself refuses a second live variant or none (see the migration).
 */

/** actor null: the system (the demo's seed). */
export async function createVariant(input: z.input<typeof newVariantSchema>, actor: Actor | null): Promise<VariantRow> {
  const { writerId, status, ...configuration } = newVariantSchema.parse(input);
  assertReachable(configuration);
  return withNameCheck(configuration.name, () =>
    inTransaction(async (tx) => {
      const writer = await tx.writer.findUnique({ where: { id: writerId }, select: { id: true } });
      if (!writer) throw new DomainError("not_found", "This writer no longer exists.");
      // A writer that never drafted has no variants yet: it gets its live default first, so the new one stays beside it.
      await ensureDefaultVariant(tx, writerId);
      const created = await tx.draftingVariant.create({ data: { writerId, status, ...configuration }, select: variantSelect });
      await audit(tx, actor, "variant.create", created.id, null, { name: configuration.name, status, ...describe(configuration) });
      return toVariantRow(created);
    }),
  );
}

/**
 * Renames a variant, or changes its prompt, model or temperature while it has drafted nothing: once it
 * has, its drafts and comparisons must keep meaning what they meant, so a new idea is a new variant.
 */
export async function changeVariant(input: z.input<typeof variantChangeSchema>, actor: Actor): Promise<VariantRow> {
  const { variantId, ...configuration } = variantChangeSchema.parse(input);
  return withNameCheck(configuration.name, () =>
    inTransaction(async (tx) => {
      const before = toVariantRow(await lockVariant(tx, variantId));
      const reconfigured =
        before.promptVersion !== configuration.promptVersion ||
        before.provider !== configuration.provider ||
        before.model !== configuration.model ||
        before.temperature !== configuration.temperature;
      if (reconfigured) {
        const used = await draftsMadeBy(tx, variantId);
        if (used > 0) {
          throw new DomainError(
            "invalid_state",
            `"${before.name}" has already drafted ${used} post${used === 1 ? "" : "s"}: its prompt, model and temperature stay as they are so its results stay its own. Create a new variant instead.`,
          );
        }
        if (before.status !== "off") assertReachable(configuration);
      }
      const after = await tx.draftingVariant.update({ where: { id: variantId }, data: { ...configuration, updatedAt: new Date() }, select: variantSelect });
      await audit(tx, actor, "variant.change", variantId, { name: before.name, ...describe(before) }, { name: configuration.name, ...describe(configuration) });
      return toVariantRow(after);
    }),
  );
}

/** Shadow or off; the live variant is left alone (promote another one instead). */
export async function setVariantStatus(input: z.input<typeof variantStatusSchema>, actor: Actor): Promise<VariantRow> {
  const { variantId, status } = variantStatusSchema.parse(input);
  return inTransaction(async (tx) => {
    const before = toVariantRow(await lockVariant(tx, variantId));
    if (before.status === "live") {
      throw new DomainError("invalid_state", `"${before.name}" is live: promote another variant first, and "${before.name}" becomes a shadow.`);
    }
    if (status === "shadow") assertReachable(before);
    const after = await tx.draftingVariant.update({ where: { id: variantId }, data: { status, updatedAt: new Date() }, select: variantSelect });
    await audit(tx, actor, "variant.status", variantId, { status: before.status }, { status });
    return toVariantRow(after);
  });
}

/**
 * Makes a variant live and the one it replaces a shadow, so its drafts keep coming for comparison.
 * The writer's row is locked first: two promotions at once take turns instead of failing.
 */
export async function promoteVariant(input: z.input<typeof promotionSchema>, actor: Actor): Promise<{ live: VariantRow; demoted: VariantRow | null }> {
  const { variantId } = promotionSchema.parse(input);
  return inTransaction(async (tx) => {
    const target = await tx.draftingVariant.findUnique({ where: { id: variantId }, select: { writerId: true } });
    if (!target) throw new DomainError("not_found", "This variant no longer exists.");
    await tx.$queryRaw`SELECT id FROM writers WHERE id = ${target.writerId} FOR UPDATE`;
    const before = toVariantRow(await lockVariant(tx, variantId));
    if (before.status === "live") throw new DomainError("invalid_state", `"${before.name}" is already live.`);
    assertReachable(before);

    const previous = await tx.draftingVariant.findFirst({ where: { writerId: before.writerId, status: "live" }, select: variantSelect });
    const now = new Date();
    // At most one live variant is checked row by row, so the old one steps down first.
    const demoted = previous
      ? await tx.draftingVariant.update({ where: { id: previous.id }, data: { status: "shadow", updatedAt: now }, select: variantSelect })
      : null;
    const live = await tx.draftingVariant.update({ where: { id: variantId }, data: { status: "live", updatedAt: now }, select: variantSelect });
    await audit(tx, actor, "variant.promote", variantId, { status: before.status, liveVariantId: previous?.id ?? null }, { status: "live", demotedVariantId: previous?.id ?? null });
    if (previous) await audit(tx, actor, "variant.demote", previous.id, { status: "live" }, { status: "shadow", replacedById: variantId });
    return { live: toVariantRow(live), demoted: demoted && toVariantRow(demoted) };
  });
}

type Configuration = Pick<VariantRow, "promptVersion" | "provider" | "model" | "temperature">;

function assertReachable(configuration: Configuration): void {
  const resolved = resolveVariantModel(configuration);
  if (!resolved.ok) throw new DomainError("blocked", resolved.problem);
}

async function lockVariant(tx: Tx, variantId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM drafting_variants WHERE id = ${variantId} FOR UPDATE`;
  if (!locked) throw new DomainError("not_found", "This variant no longer exists.");
  return tx.draftingVariant.findUniqueOrThrow({ where: { id: variantId }, select: variantSelect });
}

/** Live AI revisions, shadow drafts and comparisons that name the variant. */
async function draftsMadeBy(tx: Tx, variantId: string): Promise<number> {
  const revisions = await tx.revision.count({ where: { variantId } });
  const shadows = await tx.shadowDraft.count({ where: { variantId } });
  const comparisons = await tx.variantComparison.count({ where: { OR: [{ lowVariantId: variantId }, { highVariantId: variantId }] } });
  return revisions + shadows + comparisons;
}

function describe(configuration: Configuration): AuditState {
  const { promptVersion, provider, model, temperature } = configuration;
  return { promptVersion, provider, model, temperature };
}

function audit(tx: Tx, actor: Actor | null, action: string, variantId: string, before: AuditState | null, after: AuditState) {
  return recordAudit(tx, { actorId: actor?.id ?? null, action, subjectType: "variant", subjectId: variantId, before, after });
}

async function withNameCheck<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`This writer already has a variant named "${name}".`, { cause: error });
    }
    throw error;
  }
}
