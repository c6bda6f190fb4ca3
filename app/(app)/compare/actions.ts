"use server";

import { defineAction } from "@/lib/auth/action";
import { chooseInComparison, choiceInputSchema } from "@/lib/variants/comparisons";

/** The blind comparison's one action: the reviewer's choice, which is also the only way to learn the sides. */
export const chooseAction = defineAction({ name: "compare.choose", role: "reviewer", input: choiceInputSchema }, async (input, { user }) =>
  chooseInComparison(input, user),
);
