import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DraftEvents } from "@/components/notes/draft-events";
import { EvaluatorResults } from "@/components/notes/evaluator-results";
import { formatIso } from "@/components/notes/format";
import { NoteTimeline } from "@/components/notes/note-timeline";
import { StatusBadge } from "@/components/notes/status-badge";
import { RevisionHistory } from "@/components/review/draft/revision-history";
import { classificationLabel, tagLabel } from "@/components/review/labels";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { noteDetail } from "@/lib/notes/detail";
import { originLabels } from "@/lib/notes/labels";
import { postUrlOnX } from "@/lib/posts/url";

export const metadata: Metadata = { title: "Note" };

type Props = { params: Promise<{ noteId: string }> };

export default async function NotePage({ params }: Props) {
  const { noteId } = await params;
  await requirePageRole("viewer", `/notes/${encodeURIComponent(noteId)}`);
  const detail = /^[0-9A-Za-z_-]{1,64}$/.test(noteId) ? await noteDetail(noteId) : null;
  if (!detail) notFound();
  const { note, timeline, submission, draft, revisions, suggestions, history } = detail;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/notes?writer=${encodeURIComponent(note.writerId)}`} className="text-sm text-zinc-500 hover:underline">
          ← Notes
        </Link>
        <h1 className="text-xl font-semibold">Note {note.id}</h1>
        <Badge tone={note.mode === "production" ? "warn" : "info"}>{note.mode}</Badge>
        <StatusBadge status={note.status} />
        <Badge>{originLabels[note.origin]}</Badge>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="The note">
          <p className="break-words whitespace-pre-wrap" data-testid="note-text">
            {note.text}
          </p>
          <p className="mt-2 text-xs text-zinc-500">
            {classificationLabel(note.classification)}
            {note.misleadingTags.length > 0 && ` · ${note.misleadingTags.map(tagLabel).join(", ")}`}
            {` · sources ${note.trustworthySources ? "trustworthy" : "not trustworthy"}`}
          </p>
          <p className="mt-2 text-xs text-zinc-500">
            {submission ? `Sent ${formatIso(submission.completedAt?.toISOString() ?? null)}, approved by ${submission.approvedBy}` : "Not sent from Notedesk"}
            {` · first seen ${formatIso(note.firstSeenAt)}`}
          </p>
          <h3 className="mt-4 text-xs font-semibold text-zinc-500 uppercase">Post {note.postAuthor ? `by @${note.postAuthor}` : ""}</h3>
          <p className="mt-1 text-sm break-words whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{note.postText ?? "This post was never synced; only its id is known."}</p>
          <a className="mt-1 inline-block text-xs underline" href={postUrlOnX(note.postId, note.postAuthor)} rel="noreferrer" target="_blank">
            Open post {note.postId} on X
          </a>
        </Card>
        <Card title="Evaluators now">
          <EvaluatorResults results={note.results} />
        </Card>
      </div>

      <Card title="Status and bucket timeline">
        <NoteTimeline timeline={timeline} />
      </Card>

      {draft && (
        <Card title="Draft history" actions={<Link href={`/queue/${draft.id}`} className="text-xs underline">Open the draft</Link>}>
          <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
            <RevisionHistory revisions={revisions} suggestions={suggestions} currentId={draft.currentRevisionId} now={new Date()} />
            <DraftEvents events={history} />
          </div>
        </Card>
      )}
    </div>
  );
}
