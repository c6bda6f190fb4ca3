import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NewVariant } from "@/components/variants/new-variant";
import { VariantStandings } from "@/components/variants/variant-standings";
import { roleAtLeast } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { draftPromptVersions } from "@/lib/drafting/prompts/build-request";
import { listVariantStandings } from "@/lib/variants/standings";

import { changeVariantAction, createVariantAction, promoteVariantAction, setVariantStatusAction } from "./actions";

export const metadata: Metadata = { title: "Drafting variants" };

export default async function VariantsPage() {
  const user = await requirePageRole("viewer", "/settings/variants");
  const admin = roleAtLeast(user.role, "admin");
  const writers = await listVariantStandings();
  const actions = admin ? { change: changeVariantAction, setStatus: setVariantStatusAction, promote: promoteVariantAction } : null;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Drafting variants</h1>
        <p className="text-sm text-zinc-500">
          A variant is a prompt version, a model and a temperature. The live one drafts what reviewers see; shadow ones draft the same
          posts afterwards, kept apart and never approved or sent. Reviewers judge them blind on the{" "}
          <Link href="/compare" className="underline">
            Compare
          </Link>{" "}
          page; ratings are Bradley–Terry from those judgements (ties count half), with a 95% bootstrap interval.
        </p>
      </header>
      {writers.length === 0 && <EmptyState title="No writers yet">Variants belong to a writer; one is created with the first pull.</EmptyState>}
      {writers.map(({ writer, variants, judgements }) => (
        <Card key={writer.id} title={`${writer.name} · ${judgements} blind comparison${judgements === 1 ? "" : "s"}`}>
          <VariantStandings variants={variants} promptVersions={draftPromptVersions} actions={actions} />
          {admin && (
            <details className="mt-4 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
              <summary className="cursor-pointer text-sm font-medium">New variant for {writer.name}</summary>
              <div className="mt-3">
                <NewVariant writerId={writer.id} promptVersions={draftPromptVersions} create={createVariantAction} />
              </div>
            </details>
          )}
        </Card>
      ))}
    </div>
  );
}
