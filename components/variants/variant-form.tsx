"use client";

import { useId, useState, type FormEvent } from "react";

import { useControlAction } from "@/components/controls/use-control-action";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/auth/action-result";
import type { DraftPromptVersion } from "@/lib/drafting/prompts/build-request";
import { variantProviders, type VariantProvider } from "@/lib/variants/dto";

export type VariantFields = { name: string; promptVersion: DraftPromptVersion; provider: VariantProvider; model: string | null; temperature: number };

const providerLabels: Record<VariantProvider, string> = {
  env: "From the environment (LLM_PROVIDER)",
  xai: "xAI",
  "openai-compatible": "OpenAI-compatible endpoint",
  offline: "Offline drafter (rule-based)",
};
const providerOptions = variantProviders.map((value) => ({ value, label: providerLabels[value] }));

/**
 * A variant's name, prompt version, model and temperature. Once a variant has drafted, only the name
 * can change (`configurable` false), so its drafts and comparisons keep meaning what they meant.
 */
export function VariantForm({
  initial,
  promptVersions,
  configurable = true,
  submitLabel,
  save,
  onSaved,
}: {
  initial: VariantFields;
  promptVersions: readonly DraftPromptVersion[];
  configurable?: boolean;
  submitLabel: string;
  save: (fields: VariantFields) => Promise<ActionResult<{ name: string }>>;
  onSaved?: () => void;
}) {
  const id = useId();
  const { pending, run } = useControlAction();
  const [fields, setFields] = useState<Omit<VariantFields, "model" | "temperature"> & { model: string; temperature: string }>({
    name: initial.name,
    promptVersion: initial.promptVersion,
    provider: initial.provider,
    model: initial.model ?? "",
    temperature: String(initial.temperature),
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const needsModel = fields.provider === "xai" || fields.provider === "openai-compatible";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const temperature = fields.temperature.trim() === "" ? Number.NaN : Number(fields.temperature);
    const result = await run(
      () => save({ ...fields, model: needsModel ? fields.model : null, temperature }),
      (saved) => `Saved the variant "${saved.name}".`,
    );
    setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    if (result.ok) onSaved?.();
  }

  const set = (key: "name" | "model" | "temperature") => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: event.target.value }));
  const setProvider = (event: { target: { value: string } }) => {
    const provider = variantProviders.find((p) => p === event.target.value);
    if (provider) setFields((f) => ({ ...f, provider }));
  };
  const setPrompt = (event: { target: { value: string } }) => {
    const promptVersion = promptVersions.find((v) => v === event.target.value);
    if (promptVersion) setFields((f) => ({ ...f, promptVersion }));
  };
  const fieldId = (name: string) => `${id}-${name}`;
  const locked = !configurable;

  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-2" noValidate>
      <Field id={fieldId("name")} label="Name" errors={errors.name}>
        <input id={fieldId("name")} className="input" value={fields.name} onChange={set("name")} aria-describedby={describedBy(fieldId("name"))} required data-autofocus />
      </Field>
      <Field id={fieldId("prompt")} label="Prompt version" errors={errors.promptVersion}>
        <Select
          id={fieldId("prompt")}
          options={promptVersions.map((v) => ({ value: v, label: v }))}
          value={fields.promptVersion}
          onChange={setPrompt}
          disabled={locked}
          aria-describedby={describedBy(fieldId("prompt"))}
        />
      </Field>
      <Field id={fieldId("provider")} label="Model provider" errors={errors.provider}>
        <Select id={fieldId("provider")} options={providerOptions} value={fields.provider} onChange={setProvider} disabled={locked} aria-describedby={describedBy(fieldId("provider"))} />
      </Field>
      <Field id={fieldId("model")} label="Model" hint={needsModel ? "e.g. grok-4, or the model name your endpoint serves." : "Decided by the provider."} errors={errors.model}>
        <input
          id={fieldId("model")}
          className="input"
          value={needsModel ? fields.model : ""}
          onChange={set("model")}
          disabled={locked || !needsModel}
          aria-describedby={describedBy(fieldId("model"), { hint: true })}
        />
      </Field>
      <Field id={fieldId("temperature")} label="Temperature" hint="0 to 2. The offline drafter ignores it." errors={errors.temperature}>
        <input
          id={fieldId("temperature")}
          className="input w-28"
          inputMode="decimal"
          value={fields.temperature}
          onChange={set("temperature")}
          disabled={locked}
          aria-describedby={describedBy(fieldId("temperature"), { hint: true })}
        />
      </Field>
      {locked && <p className="text-xs text-zinc-500 md:col-span-2">This variant has drafted already: only its name can change. Create a new variant to try another configuration.</p>}
      {errors._?.map((message) => (
        <p key={message} className="text-xs text-red-700 md:col-span-2 dark:text-red-400">
          {message}
        </p>
      ))}
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
