import type { Metadata } from "next";
import Link from "next/link";

import { NoteRequests } from "@/components/review/draft/note-requests";
import { PostCard } from "@/components/review/draft/post-card";
import { EmptyState } from "@/components/ui/empty-state";
import { BlindComparison } from "@/components/variants/blind-comparison";
import { requirePageRole } from "@/lib/auth/session";
import { nextBlindPair } from "@/lib/variants/comparisons";

import { chooseAction } from "./actions";

export const metadata: Metadata = { title: "Compare drafts" };

/**
 * Blind side-by-side of two drafting variants' notes for one post. The page gets the pair from the
 * server as two anonymous notes and a comparison id; the variants' names are not on it until the
 * reviewer has chosen (docs/variants.md).
 */
export default async function ComparePage() {
  const user = await requirePageRole("reviewer", "/compare");
  const pair = await nextBlindPair(user);

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Compare drafts</h1>
        <p className="text-sm text-zinc-500">
          Two drafts of a note for the same post, in random order. Pick the one you would rather post as it stands; you see which
          drafting variant wrote which after you choose. Results are on{" "}
          <Link href="/settings/variants" className="underline">
            Settings → Variants
          </Link>
          .
        </p>
      </header>
      {pair ? (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div className="flex flex-col gap-4">
            <PostCard post={pair.post} now={new Date()} />
            <NoteRequests post={pair.post} />
          </div>
          <BlindComparison key={pair.comparisonId} comparisonId={pair.comparisonId} a={pair.a} b={pair.b} choose={chooseAction} />
        </div>
      ) : (
        <EmptyState title="Nothing to compare right now">
          Pairs appear when a shadow variant and the live one (or two shadows) have drafted different notes for the same post, and you have not judged them yet.{" "}
          <Link href="/settings/variants" className="underline">
            See the variants
          </Link>
          .
        </EmptyState>
      )}
    </div>
  );
}
