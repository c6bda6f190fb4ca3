import { Button } from "@/components/ui/button";
import type { NoteFields, RevisionDto } from "@/lib/review/dto";

import { classificationLabel, tagLabel } from "../labels";
import { WordDiff } from "./word-diff";

/**
 * Someone saved while the reviewer was editing. Both versions side by side with the diff; nothing
 * is saved or dropped until the reviewer picks.
 */
export function ConflictPanel({
  viewerId,
  theirs,
  theirsFields,
  mine,
  saving,
  onKeepMine,
  onTakeTheirs,
}: {
  viewerId: string;
  theirs: RevisionDto | null;
  theirsFields: NoteFields;
  mine: NoteFields;
  saving: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const who = theirs?.authorKind === "ai" ? "The AI" : theirs?.author?.id === viewerId ? "You (in another window)" : (theirs?.author?.name ?? "Someone");
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4 dark:bg-amber-950/40" data-testid="conflict-panel">
      <h2 id="conflict-title" className="font-semibold">
        {who} saved a newer version{theirs ? ` (revision ${theirs.number})` : ""} while you were editing
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">Nothing was overwritten. Compare, then choose.</p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <Version title="Theirs (saved)" fields={theirsFields} testId="conflict-theirs" />
        <Version title="Yours (not saved)" fields={mine} testId="conflict-yours" />
      </div>
      <div className="mt-3">
        <h3 className="text-xs font-semibold text-zinc-500">What yours changes in theirs</h3>
        <WordDiff before={theirsFields.text} after={mine.text} testId="conflict-diff" />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={onKeepMine} disabled={saving}>
          {saving ? "Saving…" : "Save mine on top of theirs"}
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs} disabled={saving}>
          Use theirs, set mine aside
        </Button>
      </div>
    </section>
  );
}

function Version({ title, fields, testId }: { title: string; fields: NoteFields; testId: string }) {
  return (
    <div className="rounded-md border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900" data-testid={testId}>
      <h3 className="mb-1 text-xs font-semibold text-zinc-500">{title}</h3>
      <p className="break-words whitespace-pre-wrap">{fields.text}</p>
      <p className="mt-2 text-xs text-zinc-500">
        {classificationLabel(fields.classification)}
        {fields.misleadingTags.length > 0 && ` · ${fields.misleadingTags.map(tagLabel).join(", ")}`}
        {` · sources ${fields.trustworthySources ? "trustworthy" : "not trustworthy"}`}
      </p>
    </div>
  );
}
