import "server-only";

import { getDb } from "@/lib/db";
import type { DraftingTask } from "@/lib/drafting/provider";

import type { LlmPurpose } from "./ledger";

export type CallAttribution = { writerId: string | null; purpose: LlmPurpose };

/**
 * Which writer a model call is spent for. Providers are shared by all writers and see only the
 * task, so the writer is read back from the draft being worked on: a revision answers suggestions
 * on exactly one draft; a first draft is for the post's draft now in `drafting`. Two writers
 * drafting the same post at the same moment is the one ambiguity: the call goes to the one that
 * claimed it last. Passing the writer explicitly (see docs/gates.md) removes it.
 */
export async function attributeFromDrafts(task: DraftingTask): Promise<CallAttribution> {
  if (task.kind === "revise") {
    const [first] = task.suggestions;
    const suggestion = first && (await getDb().suggestion.findUnique({ where: { id: first.id }, select: { draft: { select: { writerId: true } } } }));
    return { writerId: suggestion ? suggestion.draft.writerId : null, purpose: "revise" };
  }
  const draft = await getDb().draft.findFirst({
    where: { postId: task.post.id, state: "drafting" },
    orderBy: { updatedAt: "desc" },
    select: { writerId: true },
  });
  return { writerId: draft?.writerId ?? null, purpose: "draft" };
}
