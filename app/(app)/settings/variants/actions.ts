"use server";

import { revalidatePath } from "next/cache";

import { defineAction } from "@/lib/auth/action";
import { changeVariant, createVariant, promoteVariant, setVariantStatus } from "@/lib/variants/variant-admin";
import { newVariantSchema, promotionSchema, variantChangeSchema, variantStatusSchema } from "@/lib/variants/variant-input";

/** Settings → Variants: admin only, each one call into lib/variants, every change audited there. */

const refresh = () => revalidatePath("/settings/variants");

export const createVariantAction = defineAction({ name: "variants.create", role: "admin", input: newVariantSchema }, async (input, { user }) => {
  const variant = await createVariant(input, user);
  refresh();
  return { id: variant.id, name: variant.name };
});

export const changeVariantAction = defineAction({ name: "variants.change", role: "admin", input: variantChangeSchema }, async (input, { user }) => {
  const variant = await changeVariant(input, user);
  refresh();
  return { id: variant.id, name: variant.name };
});

export const setVariantStatusAction = defineAction({ name: "variants.status", role: "admin", input: variantStatusSchema }, async (input, { user }) => {
  const variant = await setVariantStatus(input, user);
  refresh();
  return { id: variant.id, name: variant.name, status: variant.status };
});

export const promoteVariantAction = defineAction({ name: "variants.promote", role: "admin", input: promotionSchema }, async (input, { user }) => {
  const { live, demoted } = await promoteVariant(input, user);
  refresh();
  return { live: live.name, demoted: demoted?.name ?? null };
});
