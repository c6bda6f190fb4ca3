import type { LabelledReason, TriageReason, TriageSignal } from "./types";

/** The sentences reviewers read for each stored reason. Pure: used by the queue's DTOs and the browser alike. */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quoted = (items: readonly string[]) => items.map((i) => `'${i}'`).join(", ");
const more = (reason: TriageReason) => (reason.count !== undefined && reason.count > reason.evidence.length ? ` and ${reason.count - reason.evidence.length} more` : "");

const mediaLabels: Record<string, string> = {
  photo: "photo (can be traced with a reverse image search)",
  video: "video (notes on video are harder to source)",
  mixed: "mixed media (notes on video are harder to source)",
  animated_gif: "animated GIF (usually a reaction, rarely evidence)",
};

const labels: Record<TriageSignal, (r: TriageReason, model: string | null) => string> = {
  numbers: (r) => `${plural(r.count ?? r.evidence.length, "concrete number")}: ${r.evidence.join(", ")}`,
  year: (r) => `dated: ${r.evidence.join(", ")}`,
  quote: (r) => `quotes someone: “${r.evidence[0] ?? ""}”`,
  claim_verb: (r) => `${r.evidence.length > 1 ? "claim verbs" : "claim verb"}: ${quoted(r.evidence)}${more(r)}`,
  named_entities: (r) => `names ${r.evidence.join(", ")}${more(r)}`,
  link: (r) => `links ${plural(r.count ?? 1, "page")}`,
  media_claim: (r) => `says what its media shows: ${quoted(r.evidence)}`,
  opinion: (r) => `opinion words: ${quoted(r.evidence)}${more(r)}`,
  prediction: (r) => `prediction: ${quoted(r.evidence)}${more(r)}`,
  satire: (r) => `satire marker: ${quoted(r.evidence)}`,
  too_short: (r) => `too short to hold a claim (${plural(r.count ?? 0, "word")})`,
  media: (r) => mediaLabels[r.evidence[0] ?? ""] ?? "media",
  media_note_shown: () => "a media note is already shown on this post: X rejects new notes",
  media_note_matched: () => "a media note matches its media but is not shown",
  note_requests: (r) => plural(r.count ?? 0, "note request"),
  suggested_sources: (r) => plural(r.count ?? 0, "suggested source"),
  model: (r, model) => `${model ?? "model"}: ${r.weight >= 0 ? "checkable" : "not checkable"} — ${r.evidence[0] ?? ""}`,
};

/** `model` names the model behind a "model" reason. */
export function labelReasons(reasons: readonly TriageReason[], model: string | null = null): LabelledReason[] {
  return reasons.map((reason) => ({ ...reason, label: labels[reason.signal](reason, model) }));
}
