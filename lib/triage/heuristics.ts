import type { NormalizedPost } from "@/lib/posts/post";

import { cueMatcher, type CueMatches } from "./cue-matcher";
import { baseLanguage, lexiconFor } from "./lexicon";
import { isTooShort, readText, type TextReading, type Words } from "./text-features";
import type { ModelOpinion, TriageReason, TriageSignal, TriageVerdict } from "./types";

/**
 * Checkability: does the post hold a claim a note could check? Each signal that fires adds its
 * weight (log-odds) to BASELINE and checkability = logistic(sum). The weights are round numbers
 * chosen by reading posts, not fitted: what matters is that a reviewer can follow them. A post with
 * no signal at all sits at 0.35, so it is out: "nothing to check" is the common case (x-api-reference §8).
 */
export const BASELINE = -0.6;
/** At or above: "in". */
export const IN_THRESHOLD = 0.5;

export const weights = {
  /** 1, 2, 3 or more figures: the first says most. */
  numbers: [0.8, 1.1, 1.4],
  year: 0.3,
  quote: 0.9,
  claimVerb: { one: 0.8, several: 1.0 },
  namedEntities: { one: 0.4, several: 0.7 },
  link: 0.3,
  mediaClaim: 0.6,
  /** A strong cue alone ("i think") or a weak one ("should"), then more per further cue, down to `floor`. */
  opinion: { strong: -1.8, weak: -1.0, perExtra: -0.3, floor: -2.4 },
  prediction: { strong: -2.0, weak: -0.9, perExtra: -0.3, floor: -2.4 },
  satire: -3.0,
  tooShort: -0.8,
  media: { photo: 0.2, video: -0.3, mixed: -0.2, animated_gif: -0.5 },
  mediaNoteMatched: 0.3,
  /** `perLog · (1 + ln n)`, capped: readers asking for a note is evidence of a claim, with diminishing returns. */
  noteRequests: { perLog: 0.4, cap: 1.0 },
  suggestedSources: { perLog: 0.25, cap: 0.6 },
  /** The cheap model pass, where configured: one signal among the others, able to tip a borderline post. */
  model: 1.2,
} as const;

type CueKind = "opinionStrong" | "opinionWeak" | "predictionStrong" | "predictionWeak" | "satire" | "claimVerbs" | "mediaDeixis";
type CueReader = (words: Words, cjkText: string | null) => CueMatches<CueKind>;

const readers = new Map<string, CueReader>();

function cueReaderFor(language: string | null): CueReader {
  const key = language ?? "*";
  let reader = readers.get(key);
  if (!reader) {
    const lexicon = lexiconFor(language);
    reader = cueMatcher<CueKind>({
      opinionStrong: lexicon.opinion.strong,
      opinionWeak: lexicon.opinion.weak,
      predictionStrong: lexicon.prediction.strong,
      predictionWeak: lexicon.prediction.weak,
      satire: lexicon.satire,
      claimVerbs: lexicon.claimVerbs,
      mediaDeixis: lexicon.mediaDeixis,
    });
    readers.set(key, reader);
  }
  return reader;
}

/** A post read once; every signal looks at this. */
type Reading = { post: NormalizedPost; text: TextReading; cues: CueMatches<CueKind> };

function read(post: NormalizedPost): Reading {
  const language = baseLanguage(post.lang);
  // German capitalises every noun: only runs of two or more capitalised words read as names there.
  const text = readText(post.text, { minNameWords: language === "de" ? 2 : 1 });
  return { post, text, cues: cueReaderFor(language)(text.words, text.cjkText) };
}

type Signal = (r: Reading) => TriageReason | null;

/** A kind of phrase that did not occur (one shared empty list: triage reads ten thousand posts a minute in a big pull). */
const NONE: readonly string[] = [];

const EVIDENCE = 3;
const first = (items: readonly string[]) => items.slice(0, EVIDENCE);
const clip = (text: string, max: number) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join("")}…` : text);
const round2 = (value: number) => Math.round(value * 100) / 100;
const diminishing = (n: number, { perLog, cap }: { perLog: number; cap: number }) => round2(Math.min(cap, perLog * (1 + Math.log(n))));
/** A reason for a list of things found: the first few as evidence, and how many there were when that is more. */
const found = (signal: TriageSignal, items: readonly string[], weight: number): TriageReason | null =>
  items.length ? { signal, weight, evidence: first(items), ...(items.length > EVIDENCE ? { count: items.length } : {}) } : null;
const counted = (signal: TriageSignal, count: number, weight: number): TriageReason | null =>
  count ? { signal, weight, evidence: [], count } : null;

function tiered(
  signal: "opinion" | "prediction",
  strong: readonly string[],
  weak: readonly string[],
  w: { strong: number; weak: number; perExtra: number; floor: number },
): TriageReason | null {
  if (strong.length + weak.length === 0) return null;
  const cues = [...strong, ...weak];
  return found(signal, cues, round2(Math.max(w.floor, (strong.length ? w.strong : w.weak) + w.perExtra * (cues.length - 1))));
}

const signals: readonly Signal[] = [
  ({ text: { numbers } }) => found("numbers", numbers, weights.numbers[Math.min(numbers.length, weights.numbers.length) - 1] ?? 0),
  ({ text: { years } }) => found("year", years, weights.year),
  ({ text: { quotes } }) => found("quote", quotes.slice(0, 1).map((q) => clip(q, 60)), weights.quote),
  ({ cues: { claimVerbs = NONE } }) => found("claim_verb", claimVerbs, claimVerbs.length > 1 ? weights.claimVerb.several : weights.claimVerb.one),
  ({ text: { names } }) => found("named_entities", names, names.length > 1 ? weights.namedEntities.several : weights.namedEntities.one),
  ({ text: { links } }) => counted("link", links, weights.link),
  ({ post, cues }) => (post.mediaType === "none" ? null : found("media_claim", cues.mediaDeixis ?? NONE, weights.mediaClaim)),
  ({ cues }) => tiered("opinion", cues.opinionStrong ?? NONE, cues.opinionWeak ?? NONE, weights.opinion),
  ({ cues }) => tiered("prediction", cues.predictionStrong ?? NONE, cues.predictionWeak ?? NONE, weights.prediction),
  ({ cues }) => found("satire", cues.satire ?? NONE, weights.satire),
  ({ post, text }) =>
    post.mediaType === "none" && isTooShort(text) ? { signal: "too_short", weight: weights.tooShort, evidence: [], count: text.wordCount } : null,
  ({ post: { mediaType } }) => (mediaType === "none" ? null : { signal: "media", weight: weights.media[mediaType], evidence: [mediaType] }),
  ({ post: { matchedMediaNotes } }) => {
    if (matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown")) return { signal: "media_note_shown", weight: 0, evidence: [], blocking: true };
    return matchedMediaNotes.length ? { signal: "media_note_matched", weight: weights.mediaNoteMatched, evidence: [] } : null;
  },
  ({ post: { noteRequests } }) => counted("note_requests", noteRequests.length, diminishing(noteRequests.length, weights.noteRequests)),
  ({ post: { suggestedSources } }) => counted("suggested_sources", suggestedSources.length, diminishing(suggestedSources.length, weights.suggestedSources)),
];

function modelReason(opinion: ModelOpinion): TriageReason {
  return { signal: "model", weight: opinion.checkable ? weights.model : -weights.model, evidence: [clip(opinion.reason, 160)] };
}

/** Blocking first, then by strength; the sort is stable, so ties keep the signals' order and a post always lists the same way. */
const strongestFirst = (a: TriageReason, b: TriageReason) =>
  Number(!!b.blocking) - Number(!!a.blocking) || Math.abs(b.weight) - Math.abs(a.weight);

export type Checkability = { checkability: number; verdict: TriageVerdict; reasons: TriageReason[] };

/** The heuristics' judgement of a post, with the model's where it gave one. Pure and deterministic. */
export function assessCheckability(post: NormalizedPost, opinion: ModelOpinion | null = null): Checkability {
  const reading = read(post);
  const reasons: TriageReason[] = [];
  for (const signal of signals) {
    const reason = signal(reading);
    if (reason) reasons.push(reason);
  }
  if (opinion) reasons.push(modelReason(opinion));
  reasons.sort(strongestFirst);
  const logit = reasons.reduce((sum, r) => sum + r.weight, BASELINE);
  const checkability = Math.round(1e4 / (1 + Math.exp(-logit))) / 1e4;
  const verdict = !reasons.some((r) => r.blocking) && checkability >= IN_THRESHOLD ? "in" : "out";
  return { checkability, verdict, reasons };
}
