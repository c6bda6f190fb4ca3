import type { DraftPromptVersion } from "@/lib/drafting/prompts/build-request";

/**
 * What lib/variants hands to pages and components: plain data and the enums' values, no Prisma and
 * no zod, so client components may import it.
 */

export const variantStatuses = ["live", "shadow", "off"] as const;
export type VariantStatus = (typeof variantStatuses)[number];

/** env: whatever LLM_PROVIDER configures (the default variant); the others name a model of their own. */
export const variantProviders = ["env", "xai", "openai-compatible", "offline"] as const;
export type VariantProvider = (typeof variantProviders)[number];

/** A variant as drafting uses it. */
export type VariantRow = {
  id: string;
  writerId: string;
  name: string;
  promptVersion: DraftPromptVersion;
  provider: VariantProvider;
  model: string | null;
  temperature: number;
  status: VariantStatus;
};

export type VariantDto = VariantRow & {
  /** The model in words, e.g. "environment: xai · grok-4". */
  modelLabel: string;
  /** Why it cannot draft on this server (its provider is not configured), or null. */
  problem: string | null;
  /** Prompt, model and temperature are fixed once it has drafted anything, so its results stay its own. */
  configurable: boolean;
  /** AI revisions it wrote as the live variant, and its shadow drafts by outcome. */
  counts: { liveDrafts: number; shadowNotes: number; shadowAbstentions: number; shadowFailures: number };
};

/** The note fields a blind comparison shows for each side: the draft's content, nothing about its origin. */
export type ComparedNote = { text: string; classification: string; misleadingTags: string[] };

export type ComparisonChoice = "a" | "b" | "tie";

/** Which variant was on which side: only ever sent after the reviewer has chosen. */
export type ComparisonReveal = {
  choice: ComparisonChoice;
  a: { name: string; status: VariantStatus };
  b: { name: string; status: VariantStatus };
};
