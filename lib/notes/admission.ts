/**
 * Where a writer stands against X's admission rule (x-api-reference §3): over the last 50 test-mode
 * notes, ClaimOpinion high ≥ 30%, ClaimOpinion low ≤ 30%, UrlValidity high ≥ 95%, HarassmentAbuse
 * high ≥ 98%. Pure: the page and the tests feed it the buckets of the newest notes first.
 */

export const ADMISSION_WINDOW = 50;

/** "What would move it" looks this many notes ahead: one run of the reference writer drafts 10. */
export const NEXT_BATCH = 10;

export type Evaluator = "ClaimOpinion" | "UrlValidity" | "HarassmentAbuse";

export type AdmissionRule = {
  id: "claim_opinion_high" | "claim_opinion_low" | "url_validity_high" | "harassment_abuse_high";
  evaluator: Evaluator;
  bucket: "high" | "low";
  comparison: "at_least" | "at_most";
  /** Whole percent, so 30% of 10 notes is exactly 3 (0.3 · 10 is not, in doubles). */
  percent: number;
};

export const admissionRules: readonly AdmissionRule[] = [
  { id: "claim_opinion_high", evaluator: "ClaimOpinion", bucket: "high", comparison: "at_least", percent: 30 },
  { id: "claim_opinion_low", evaluator: "ClaimOpinion", bucket: "low", comparison: "at_most", percent: 30 },
  { id: "url_validity_high", evaluator: "UrlValidity", bucket: "high", comparison: "at_least", percent: 95 },
  { id: "harassment_abuse_high", evaluator: "HarassmentAbuse", bucket: "high", comparison: "at_least", percent: 98 },
];

/** A test-mode note's buckets as stored: any casing; null or "unknown" while X has not scored it. */
export type AdmissionNote = { claimOpinion: string | null; urlValidity: string | null; harassmentAbuse: string | null };

/**
 * What would change the bar's verdict: `needed` notes of the kind that moves it `toward` passing
 * (or failing) among the next `within`, each new note pushing the oldest out once 50 are counted.
 */
export type AdmissionMove = { toward: "pass" | "fail"; needed: number; within: number };

export type AdmissionBar = AdmissionRule & {
  /** Notes in the window this evaluator has scored. */
  counted: number;
  /** Of those, how many have the rule's bucket. */
  matching: number;
  /** matching / counted; null before any note is scored. */
  share: number | null;
  passes: boolean | null;
  move: AdmissionMove | null;
};

export type AdmissionProgress = {
  /** Test-mode notes in the window (at most 50); a bar counts those its evaluator has scored. */
  notes: number;
  bars: AdmissionBar[];
  /** Every bar passes over a full window of 50: what X's rule asks for. */
  meetsRule: boolean;
};

type Mark = "match" | "other" | "unscored";

const field: Record<Evaluator, keyof AdmissionNote> = {
  ClaimOpinion: "claimOpinion",
  UrlValidity: "urlValidity",
  HarassmentAbuse: "harassmentAbuse",
};

/** `newestFirst`: the writer's test-mode notes, newest first; only the first 50 count. */
export function admissionProgress(newestFirst: readonly AdmissionNote[]): AdmissionProgress {
  const window = newestFirst.slice(0, ADMISSION_WINDOW);
  const bars = admissionRules.map((rule) => evaluateBar(rule, window.map((note) => markOf(note[field[rule.evaluator]], rule.bucket))));
  return {
    notes: window.length,
    bars,
    meetsRule: window.length === ADMISSION_WINDOW && bars.every((bar) => bar.passes === true),
  };
}

function isScored(bucket: string | null): bucket is string {
  return bucket !== null && bucket !== "" && bucket.toLowerCase() !== "unknown";
}

function markOf(bucket: string | null, wanted: string): Mark {
  if (!isScored(bucket)) return "unscored";
  return bucket.toLowerCase() === wanted ? "match" : "other";
}

type Tally = { counted: number; matching: number };

function tally(marks: readonly Mark[]): Tally {
  let counted = 0;
  let matching = 0;
  for (const mark of marks) {
    if (mark !== "unscored") counted++;
    if (mark === "match") matching++;
  }
  return { counted, matching };
}

function passes(rule: AdmissionRule, { counted, matching }: Tally): boolean {
  return rule.comparison === "at_least" ? matching * 100 >= rule.percent * counted : matching * 100 <= rule.percent * counted;
}

function evaluateBar(rule: AdmissionRule, marks: readonly Mark[]): AdmissionBar {
  const now = tally(marks);
  const verdict = now.counted === 0 ? null : passes(rule, now);
  return {
    ...rule,
    ...now,
    share: now.counted === 0 ? null : now.matching / now.counted,
    passes: verdict,
    move: moveOf(rule, marks, verdict === true ? "fail" : "pass"),
  };
}

/**
 * The window after `within` more scored notes, `helping` of which help the bar pass: new notes come
 * in at the front and the oldest fall out past 50.
 */
function after(rule: AdmissionRule, marks: readonly Mark[], within: number, helping: number): Tally {
  const kept = tally(marks.slice(0, Math.max(0, ADMISSION_WINDOW - within)));
  const newMatching = rule.comparison === "at_least" ? helping : within - helping;
  return { counted: kept.counted + within, matching: kept.matching + newMatching };
}

/**
 * The fewest notes of the kind that moves the bar `toward` its other verdict, among the writer's
 * next batch (the rest assumed to pull the other way); when no batch-sized run is enough, the
 * shortest run of such notes in a row that is.
 */
function moveOf(rule: AdmissionRule, marks: readonly Mark[], toward: AdmissionMove["toward"]): AdmissionMove | null {
  const reaches = (within: number, movers: number) =>
    passes(rule, after(rule, marks, within, toward === "pass" ? movers : within - movers)) === (toward === "pass");
  for (let needed = 1; needed <= NEXT_BATCH; needed++) {
    if (reaches(NEXT_BATCH, needed)) return { toward, needed, within: NEXT_BATCH };
  }
  for (let within = NEXT_BATCH + 1; within <= ADMISSION_WINDOW; within++) {
    if (reaches(within, within)) return { toward, needed: within, within };
  }
  return null;
}

/** The move in words, e.g. "7 ClaimOpinion-high notes among the next 10 would pass this bar." */
export function moveSentence(bar: AdmissionBar): string {
  const { move } = bar;
  const kind = `${bar.evaluator}-${bar.bucket}`;
  if (!move) return bar.passes ? "No run of new notes could make this bar fail." : "No run of 50 new notes could pass this bar.";
  const notes = (n: number) => (n === 1 ? "note" : "notes");
  const matchingKind = (bar.comparison === "at_least") === (move.toward === "pass");
  const movers = matchingKind ? `${kind} ${notes(move.needed)}` : `${notes(move.needed)} that ${move.needed === 1 ? "is" : "are"} not ${kind}`;
  const when = move.needed === move.within ? "in a row" : `among the next ${move.within}`;
  return `${move.needed} ${movers} ${when} would ${move.toward === "pass" ? "pass this bar" : "make it fail"}.`;
}
