import "server-only";

import { createHash } from "node:crypto";

import { z } from "zod";

import { classifications, misleadingTags, noteInputSchema, validateNote, type NoteIssue } from "@/lib/note-text";
import { DomainError } from "@/lib/errors";
import { createNoteRequestBody, type CreateNoteBody, type NewNote } from "@/lib/x";

/**
 * The POST /2/notes request as approval freezes it and the sender sends it. Both go through lib/x's
 * own body builder, so what the confirm dialog shows, what is stored and what goes on the wire are
 * one and the same.
 */

export type NoteRequest = { body: CreateNoteBody; note: NewNote; payloadHash: string; warnings: NoteIssue[] };

export type NoteSource = {
  writerId: string;
  postId: string;
  testMode: boolean;
  revision: { text: string; classification: string; misleadingTags: readonly string[]; trustworthySources: boolean };
};

/** Builds the request for a revision, refusing (never trimming or fixing) a note X would reject. */
export function buildNoteRequest(source: NoteSource): NoteRequest {
  const parsed = noteInputSchema.safeParse({ ...source.revision, misleadingTags: [...source.revision.misleadingTags] });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join(" ");
    throw new DomainError("blocked", `This note can't be sent as it is: ${problems} Edit it, then approve again.`);
  }
  const note: NewNote = {
    testMode: source.testMode,
    postId: source.postId,
    text: parsed.data.text,
    classification: parsed.data.classification,
    misleadingTags: parsed.data.misleadingTags,
    trustworthySources: parsed.data.trustworthySources,
  };
  const body = createNoteRequestBody(note);
  return {
    body,
    note,
    payloadHash: payloadHash(source.writerId, body),
    warnings: validateNote(parsed.data).filter((issue) => issue.severity === "warning"),
  };
}

/**
 * sha256 over a canonical JSON (sorted keys) of everything that decides what X records: writer, post,
 * text, classification, tags, sources flag and mode. Two approvals of the same note hash alike.
 */
export function payloadHash(writerId: string, body: CreateNoteBody): string {
  const fields = {
    writer_id: writerId,
    post_id: body.post_id,
    text: body.info.text,
    classification: body.info.classification,
    misleading_tags: body.info.misleading_tags,
    trustworthy_sources: body.info.trustworthy_sources,
    test_mode: body.test_mode,
  };
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A stored body must be exactly the canonical shape: an extra key would be sent, and X refuses those. */
const storedBodySchema = z.strictObject({
  test_mode: z.boolean(),
  post_id: z.string().regex(/^[0-9]{1,19}$/),
  info: z.strictObject({
    text: z.string(),
    classification: z.enum(classifications),
    misleading_tags: z.array(z.enum(misleadingTags)),
    trustworthy_sources: z.boolean(),
  }),
});

export type FrozenSubmission = {
  writerId: string;
  postId: string;
  testMode: boolean;
  requestBody: unknown;
  payloadHash: string;
  /** The payload the gate pass recorded with the approval judged; null when none was recorded. */
  gatePassHash: string | null;
};

export type Verification = { ok: true; note: NewNote } | { ok: false; reason: string };

/**
 * Re-derives what would go on the wire from the frozen body and checks it against the hash taken at
 * approval, the gate pass recorded with it, and the row's own post and mode. Any difference means the
 * row was altered after approval.
 */
export function verifyFrozenRequest(frozen: FrozenSubmission, writerTestModeNow: boolean): Verification {
  const parsed = storedBodySchema.safeParse(frozen.requestBody);
  if (!parsed.success) return { ok: false, reason: "the stored request is not a valid POST /2/notes body" };
  const { info } = parsed.data;
  const note: NewNote = {
    testMode: parsed.data.test_mode,
    postId: parsed.data.post_id,
    text: info.text,
    classification: info.classification,
    misleadingTags: info.misleading_tags,
    trustworthySources: info.trustworthy_sources,
  };
  if (payloadHash(frozen.writerId, createNoteRequestBody(note)) !== frozen.payloadHash) {
    return { ok: false, reason: "the request no longer matches the note that was approved (payload hash mismatch)" };
  }
  if (note.postId !== frozen.postId || note.testMode !== frozen.testMode) {
    return { ok: false, reason: "the request names a different post or mode than the approval" };
  }
  if (frozen.gatePassHash !== null && frozen.gatePassHash !== frozen.payloadHash) {
    return { ok: false, reason: "the gate pass recorded with the approval is for a different payload than the one to be sent" };
  }
  if (note.testMode !== writerTestModeNow) {
    return { ok: false, reason: `the writer was switched to ${writerTestModeNow ? "test" : "production"} mode after this was approved` };
  }
  return { ok: true, note };
}
