import type { NormalizedPost } from "@/lib/posts/post";

import { cueMatcher, type CueMatches } from "./cue-matcher";
import { baseLanguage, lexiconFor } from "./lexicon";
import { isTooShort, readText, type TextReading } from "./text-features";
import type { Words } from "./words";
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

/** What a signal found, for the reason a reviewer reads: needed only when reasons are shown, not to score. */
type Found = { evidence: string[]; count?: number };

/**
 * One signal: `weigh` says whether it fires and how hard (null: it does not), `found` what it found.
 * Scoring needs only the weights; the full assessment adds what was found (read.ts, when shown).
 */
type Rule = { signal: TriageSignal; weigh: (r: Reading) => number | null; found: (r: Reading) => Found; blocking?: true };

/** A kind of phrase that did not occur (one shared empty list: triage reads ten thousand posts a minute in a big pull). */
const NONE: readonly string[] = [];
/** Nothing to show but the signal itself (a fresh list each time: reasons are handed out and may be kept). */
const nothing = (): Found => ({ evidence: [] });

const EVIDENCE = 3;
const clip = (text: string, max: number) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join("")}…` : text);
const round2 = (value: number) => Math.round(value * 100) / 100;
const diminishing = (n: number, { perLog, cap }: { perLog: number; cap: number }) => round2(Math.min(cap, perLog * (1 + Math.log(n))));
/** The first few as evidence, and how many there were when that is more. */
const firstOf = (items: readonly string[]): Found =>
  items.length > EVIDENCE ? { evidence: items.slice(0, EVIDENCE), count: items.length } : { evidence: items.slice() };

/** A signal for a list of things found, weighing by how many. */
const listed = (signal: TriageSignal, items: (r: Reading) => readonly string[], weight: (n: number) => number): Rule => ({
  signal,
  weigh: (r) => {
    const n = items(r).length;
    return n ? weight(n) : null;
  },
  found: (r) => firstOf(items(r)),
});
/** A signal for a count of things, weighed by how many; `count(r)` is 0 when it does not fire. */
const counted = (signal: TriageSignal, count: (r: Reading) => number, weight: (n: number) => number): Rule => ({
  signal,
  weigh: (r) => {
    const n = count(r);
    return n ? weight(n) : null;
  },
  found: (r) => ({ evidence: [], count: count(r) }),
});

/** Opinion and prediction: a strong cue or a weak one, then more per further cue, down to a floor. */
function tiered(
  signal: "opinion" | "prediction",
  strong: (r: Reading) => readonly string[],
  weak: (r: Reading) => readonly string[],
  w: { strong: number; weak: number; perExtra: number; floor: number },
): Rule {
  return {
    signal,
    weigh: (r) => {
      const strongCount = strong(r).length;
      const cues = strongCount + weak(r).length;
      return cues ? round2(Math.max(w.floor, (strongCount ? w.strong : w.weak) + w.perExtra * (cues - 1))) : null;
    },
    found: (r) => firstOf([...strong(r), ...weak(r)]),
  };
}

const hasMedia = (r: Reading) => r.post.mediaType !== "none";
const noteShown = (r: Reading) => r.post.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown");

const rules: readonly Rule[] = [
  listed("numbers", (r) => r.text.numbers, (n) => weights.numbers[Math.min(n, weights.numbers.length) - 1] ?? 0),
  listed("year", (r) => r.text.years, () => weights.year),
  {
    signal: "quote",
    weigh: (r) => (r.text.quotes.length ? weights.quote : null),
    found: (r) => ({ evidence: r.text.quotes.slice(0, 1).map((q) => clip(q, 60)) }),
  },
  listed("claim_verb", (r) => r.cues.claimVerbs ?? NONE, (n) => (n > 1 ? weights.claimVerb.several : weights.claimVerb.one)),
  listed("named_entities", (r) => r.text.names, (n) => (n > 1 ? weights.namedEntities.several : weights.namedEntities.one)),
  counted("link", (r) => r.text.links, () => weights.link),
  listed("media_claim", (r) => (hasMedia(r) ? (r.cues.mediaDeixis ?? NONE) : NONE), () => weights.mediaClaim),
  tiered("opinion", (r) => r.cues.opinionStrong ?? NONE, (r) => r.cues.opinionWeak ?? NONE, weights.opinion),
  tiered("prediction", (r) => r.cues.predictionStrong ?? NONE, (r) => r.cues.predictionWeak ?? NONE, weights.prediction),
  listed("satire", (r) => r.cues.satire ?? NONE, () => weights.satire),
  {
    signal: "too_short",
    weigh: (r) => (!hasMedia(r) && isTooShort(r.text) ? weights.tooShort : null),
    found: (r) => ({ evidence: [], count: r.text.wordCount }),
  },
  {
    signal: "media",
    weigh: ({ post: { mediaType } }) => (mediaType === "none" ? null : weights.media[mediaType]),
    found: (r) => ({ evidence: [r.post.mediaType] }),
  },
  { signal: "media_note_shown", weigh: (r) => (noteShown(r) ? 0 : null), found: nothing, blocking: true },
  {
    signal: "media_note_matched",
    weigh: (r) => (r.post.matchedMediaNotes.length && !noteShown(r) ? weights.mediaNoteMatched : null),
    found: nothing,
  },
  counted("note_requests", (r) => r.post.noteRequests.length, (n) => diminishing(n, weights.noteRequests)),
  counted("suggested_sources", (r) => r.post.suggestedSources.length, (n) => diminishing(n, weights.suggestedSources)),
];

const modelWeight = (opinion: ModelOpinion) => (opinion.checkable ? weights.model : -weights.model);

function modelReason(opinion: ModelOpinion): TriageReason {
  return { signal: "model", weight: modelWeight(opinion), evidence: [clip(opinion.reason, 160)] };
}

/** Blocking first, then by strength; the sort is stable, so ties keep the signals' order and a post always lists the same way. */
const strongestFirst = (a: TriageReason, b: TriageReason) =>
  Number(!!b.blocking) - Number(!!a.blocking) || Math.abs(b.weight) - Math.abs(a.weight);

const checkabilityOf = (logit: number) => Math.round(1e4 / (1 + Math.exp(-logit))) / 1e4;
const verdictOf = (checkability: number, blocked: boolean): TriageVerdict => (!blocked && checkability >= IN_THRESHOLD ? "in" : "out");

export type Checkability = { checkability: number; verdict: TriageVerdict; reasons: TriageReason[] };

/** The heuristics' judgement of a post with its reasons, with the model's where it gave one. Pure and deterministic. */
export function assessCheckability(post: NormalizedPost, opinion: ModelOpinion | null = null): Checkability {
  const reading = read(post);
  const reasons: TriageReason[] = [];
  for (const rule of rules) {
    const weight = rule.weigh(reading);
    if (weight !== null) reasons.push({ signal: rule.signal, weight, ...rule.found(reading), ...(rule.blocking ? { blocking: true } : {}) });
  }
  if (opinion) reasons.push(modelReason(opinion));
  reasons.sort(strongestFirst);
  const checkability = checkabilityOf(reasons.reduce((sum, r) => sum + r.weight, BASELINE));
  return { checkability, verdict: verdictOf(checkability, reasons.some((r) => r.blocking)), reasons };
}

/**
 * What ingestion stores of the judgement (docs/triage.md): checkability, verdict, whether a blocking
 * signal fired, and the signal that pulled hardest towards out (a blocking one first; null when none
 * did). `against` for the same post and opinion is exactly `strongestAgainst(assessCheckability(…).reasons)`
 * (scoring.test.ts proves it).
 */
export type Score = { checkability: number; verdict: TriageVerdict; blocked: boolean; against: TriageSignal | null };

// The weights that fired, strongest first (as the reasons sort), so the sum adds them in the same order
// and checkability comes out the same to the last bit. Reused: scoring keeps no list of its own per post.
const fired = new Float64Array(rules.length + 1);

/** The judgement without its reasons: what the sync run stores for every post it writes. Pure and deterministic. */
export function scoreCheckability(post: NormalizedPost, opinion: ModelOpinion | null = null): Score {
  const reading = read(post);
  let count = 0;
  let blocked: TriageSignal | null = null;
  let against: TriageSignal | null = null;
  let againstWeight = 0;
  for (let i = 0; i <= rules.length; i++) {
    const rule = rules[i];
    const weight = rule ? rule.weigh(reading) : opinion && modelWeight(opinion);
    if (weight === null) continue;
    const signal = rule ? rule.signal : "model";
    if (rule?.blocking) blocked ??= signal;
    insertByStrength(weight, count++);
    if (weight < againstWeight) {
      against = signal;
      againstWeight = weight;
    }
  }
  let logit = BASELINE;
  for (let i = 0; i < count; i++) logit += fired[i]!;
  const checkability = checkabilityOf(logit);
  return { checkability, verdict: verdictOf(checkability, blocked !== null), blocked: blocked !== null, against: blocked ?? against };
}

/** Puts `weight` among the `count` in `fired` after every one at least as strong: the stable sort's order. */
function insertByStrength(weight: number, count: number): void {
  let at = count;
  while (at > 0 && Math.abs(fired[at - 1]!) < Math.abs(weight)) {
    fired[at] = fired[at - 1]!;
    at -= 1;
  }
  fired[at] = weight;
}
