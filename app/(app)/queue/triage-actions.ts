"use server";

import { defineAction } from "@/lib/auth/action";
import { overturnInputSchema, overturnTriage } from "@/lib/triage";

/** A reviewer overturns a post's triage verdict, with a reason; audited in lib/triage. */
export const overturnTriageAction = defineAction(
  { name: "triage.overturn", role: "reviewer", input: overturnInputSchema },
  (input, { user }) => overturnTriage(input, user),
);
