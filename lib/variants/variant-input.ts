import { z } from "zod";

import { draftPromptVersions } from "@/lib/drafting/prompts/build-request";

import { variantProviders } from "./dto";

/** What an admin sets on a variant. A model name goes with xai and openai-compatible only. */
const configuration = {
  name: z.string().trim().min(1, { message: "Give the variant a name." }).max(60, { message: "Keep the name under 60 characters." }),
  promptVersion: z.enum(draftPromptVersions, { message: `Choose a prompt version: ${draftPromptVersions.join(", ")}.` }),
  provider: z.enum(variantProviders, { message: "Choose a provider." }),
  model: z
    .string()
    .trim()
    .max(100, { message: "Keep the model name under 100 characters." })
    .nullable()
    .transform((model) => (model === "" ? null : model)),
  temperature: z.number({ message: "Enter a temperature, e.g. 0.3." }).min(0, { message: "The temperature is 0 or more." }).max(2, { message: "The temperature is 2 at most." }),
};

type Configuration = z.output<z.ZodObject<typeof configuration>>;

function modelFitsProvider(value: Configuration, context: z.RefinementCtx): void {
  const named = value.provider === "xai" || value.provider === "openai-compatible";
  if (named && value.model === null) context.addIssue({ code: "custom", path: ["model"], message: `A ${value.provider} variant needs a model name.` });
  if (!named && value.model !== null) {
    context.addIssue({ code: "custom", path: ["model"], message: `Leave the model empty: ${value.provider === "env" ? "the environment" : "the offline drafter"} decides it.` });
  }
}

export const newVariantSchema = z
  .object({ writerId: z.string().trim().min(1), ...configuration, status: z.enum(["shadow", "off"]).default("shadow") })
  .superRefine(modelFitsProvider);

export const variantChangeSchema = z.object({ variantId: z.string().trim().min(1), ...configuration }).superRefine(modelFitsProvider);

/** Live is not here: a variant becomes live only by promotion, which demotes the old one in the same step. */
export const variantStatusSchema = z.object({ variantId: z.string().trim().min(1), status: z.enum(["shadow", "off"]) });

export const promotionSchema = z.object({
  variantId: z.string().trim().min(1),
  confirm: z.literal(true, { message: "Confirm the promotion: the live variant drafts what reviewers see." }),
});
