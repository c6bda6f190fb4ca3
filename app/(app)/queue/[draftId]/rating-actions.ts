"use server";

import { defineAction } from "@/lib/auth/action";
import { rateDraft, rateDraftInputSchema } from "@/lib/ratings/rate";

/** "Would I post this as is?" on the AI draft (y / n in the review view); audited in lib/ratings. */
export const rateDraftAction = defineAction({ name: "queue.rateDraft", role: "reviewer", input: rateDraftInputSchema }, (input, { user }) => rateDraft(input, user));
