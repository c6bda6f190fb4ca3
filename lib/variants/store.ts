import "server-only";

import { z } from "zod";

import { Prisma, type DbClient } from "@/lib/db";
import { DEFAULT_DRAFT_PROMPT, draftPromptTemperature, draftPromptVersions } from "@/lib/drafting/prompts/build-request";
import { DomainError } from "@/lib/errors";
import { utcNow } from "@/lib/review/sql";

import { variantProviders, type VariantRow } from "./dto";


export const variantSelect = {
  id: true,
  writerId: true,
  name: true,
  promptVersion: true,
  provider: true,
  model: true,
  temperature: true,
  status: true,
} as const satisfies Prisma.DraftingVariantSelect;

type VariantRecord = Prisma.DraftingVariantGetPayload<{ select: typeof variantSelect }>;

const promptVersionSchema = z.enum(draftPromptVersions);
const providerSchema = z.enum(variantProviders);

/** Checked, not cast: a variant naming a prompt this version of Notedesk lacks must not draft as some other prompt. */
export function toVariantRow(record: VariantRecord): VariantRow {
  const promptVersion = promptVersionSchema.safeParse(record.promptVersion);
  if (!promptVersion.success) {
    throw new DomainError("invalid_state", `Variant "${record.name}" uses prompt ${record.promptVersion}, which this version of Notedesk does not have.`);
  }
  const provider = providerSchema.safeParse(record.provider);
  if (!provider.success) throw new DomainError("invalid_state", `Variant "${record.name}" names an unknown provider, "${record.provider}".`);
  return { ...record, promptVersion: promptVersion.data, provider: provider.data };
}

/** Today's configuration, which every writer starts with as its live variant (the migration seeded it for existing writers). */
export const DEFAULT_VARIANT = {
  name: "Default",
  promptVersion: DEFAULT_DRAFT_PROMPT,
  provider: "env",
  model: null,
  temperature: draftPromptTemperature(DEFAULT_DRAFT_PROMPT),
} as const;

/**
 * Gives a writer without any variant the default one, live, with its audit row, in one statement.
 * Two callers at once are fine: the unique name makes the second insert nothing.
 */
export async function ensureDefaultVariant(db: DbClient | Prisma.TransactionClient, writerId: string): Promise<void> {
  const { name, promptVersion, provider, temperature } = DEFAULT_VARIANT;
  await db.$executeRaw`
    WITH created AS (
      INSERT INTO drafting_variants (id, writer_id, name, prompt_version, provider, model, temperature, status, created_at, updated_at)
      SELECT gen_random_uuid()::text, w.id, ${name}, ${promptVersion}, ${provider}, NULL, ${temperature}, 'live', ${utcNow}, ${utcNow}
        FROM writers w
       WHERE w.id = ${writerId} AND NOT EXISTS (SELECT 1 FROM drafting_variants v WHERE v.writer_id = w.id)
      ON CONFLICT DO NOTHING
      RETURNING id, prompt_version, provider, temperature
    )
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after)
    SELECT NULL, 'variant.create_default', 'variant', created.id, NULL,
           jsonb_build_object('status', 'live', 'promptVersion', created.prompt_version, 'provider', created.provider, 'temperature', created.temperature)
      FROM created`;
}

/** The writer's live variant; a writer that never had one gets the default first. */
export async function liveVariant(db: DbClient, writerId: string): Promise<VariantRow> {
  const find = () => db.draftingVariant.findFirst({ where: { writerId, status: "live" }, select: variantSelect });
  let live = await find();
  if (!live) {
    await ensureDefaultVariant(db, writerId);
    live = await find();
  }
  if (!live) throw new DomainError("not_found", "This writer no longer exists.");
  return toVariantRow(live);
}

/** The live variant of the writer a draft belongs to; null when the draft is gone. */
export async function liveVariantOfDraft(db: DbClient, draftId: string): Promise<VariantRow | null> {
  const draft = await db.draft.findUnique({ where: { id: draftId }, select: { writerId: true } });
  return draft ? liveVariant(db, draft.writerId) : null;
}

/** The writer's shadow variants, oldest first. */
export async function shadowVariants(db: DbClient, writerId: string): Promise<VariantRow[]> {
  const rows = await db.draftingVariant.findMany({ where: { writerId, status: "shadow" }, select: variantSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toVariantRow);
}
