"use client";

import { useState } from "react";

import type { ActionResult } from "@/lib/auth/action-result";
import type { DraftPromptVersion } from "@/lib/drafting/prompts/build-request";

import { VariantForm, type VariantFields } from "./variant-form";

/** A new variant for a writer: it starts in shadow, drafting beside the live one after the next drafting run. */
export function NewVariant({
  writerId,
  promptVersions,
  create,
}: {
  writerId: string;
  promptVersions: readonly DraftPromptVersion[];
  create: (input: VariantFields & { writerId: string }) => Promise<ActionResult<{ name: string }>>;
}) {
  // A fresh, empty form after each variant created.
  const [round, setRound] = useState(0);
  const newest = promptVersions.at(-1);
  if (!newest) return null;
  const initial: VariantFields = { name: "", promptVersion: newest, provider: "env", model: null, temperature: 0.3 };
  return (
    <VariantForm
      key={round}
      initial={initial}
      promptVersions={promptVersions}
      submitLabel="Create shadow variant"
      save={(fields) => create({ ...fields, writerId })}
      onSaved={() => setRound((r) => r + 1)}
    />
  );
}
