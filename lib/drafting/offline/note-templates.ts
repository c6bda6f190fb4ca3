import type { MisleadingTag } from "@/lib/note-text";

/**
 * Sentences the offline drafter builds notes from. Each stays well under the limit with the longest
 * fill-ins (a 40-character source name, the longest topic label) because the link counts as 1.
 */
export type Fill = { subject: string; source: string; topic: string; url: string };
type Template = (fill: Fill) => string;
type Templates = readonly [Template, ...Template[]];

const missingContext: Templates = [
  (f) => `${f.subject} leaves out context that changes how it reads. ${cap(f.source)} gives the fuller picture on ${f.topic}. ${f.url}`,
  (f) => `Important context is missing here. According to ${f.source}, the situation is more complicated than the post suggests. ${f.url}`,
  (f) => `${f.subject} presents part of the story. The full record on ${f.topic} from ${f.source} shows the missing details. ${f.url}`,
];

export const misleadingTemplates: Record<MisleadingTag, Templates> = {
  manipulated_media: [
    (f) => `${f.subject} has been digitally altered and does not show a real scene. ${cap(f.source)} documents the original. ${f.url}`,
    (f) => `The media in this post was edited. The unaltered original, documented by ${f.source}, shows something different. ${f.url}`,
    (f) => `${f.subject} is manipulated. Comparison with the original material shows key details were changed. ${f.url}`,
  ],
  outdated_information: [
    (f) => `${f.subject} is not recent. It dates from an earlier event and is shared here as if it were current. ${f.url}`,
    (f) => `This is old material presented as new. ${cap(f.source)} shows it first appeared well before this post. ${f.url}`,
    (f) => `The information here is out of date. More recent data on ${f.topic} from ${f.source} gives a different picture. ${f.url}`,
  ],
  factual_error: [
    (f) => `The central claim of this post is incorrect. ${cap(f.source)} reports information on ${f.topic} that contradicts it. ${f.url}`,
    (f) => `This claim is not accurate. According to ${f.source}, the facts differ from what the post states. ${f.url}`,
    (f) => `${f.subject} states something that is not true. The published record from ${f.source} shows otherwise. ${f.url}`,
  ],
  disputed_claim_as_fact: [
    (f) => `${f.subject} presents a disputed claim as settled fact. ${cap(f.source)} notes that the evidence is contested. ${f.url}`,
    (f) => `This claim has not been established. The available evidence on ${f.topic}, summarised by ${f.source}, is disputed. ${f.url}`,
  ],
  misinterpreted_satire: [
    (f) => `This comes from a satirical source and is not a real news report. ${f.url}`,
    (f) => `${f.subject} is based on satire that is being shared as if it were real. The original was published as a joke. ${f.url}`,
  ],
  missing_important_context: missingContext,
  other: missingContext,
};

export const notMisleadingTemplates: Templates = [
  (f) => `The claim in this post is consistent with published information from ${f.source}. ${f.url}`,
  (f) => `${f.subject} is genuine and accurately described, according to ${f.source}. ${f.url}`,
  (f) => `Readers asked whether this is accurate: it matches the record on ${f.topic} from ${f.source}. ${f.url}`,
];

/**
 * The concise style (prompt draft-v2): the correction first, in one sentence, then the link. Shorter
 * than the standard templates on purpose, so a shadow variant on draft-v2 writes visibly different notes.
 */
const conciseContext: Templates = [
  (f) => `Missing context: ${f.source} gives the fuller picture on ${f.topic}. ${f.url}`,
  (f) => `${f.subject} tells only part of the story; ${f.source} has the rest. ${f.url}`,
];

export const conciseMisleadingTemplates: Record<MisleadingTag, Templates> = {
  manipulated_media: [
    (f) => `${f.subject} was altered; the original, documented by ${f.source}, differs. ${f.url}`,
    (f) => `Edited media: the unaltered original shows something else. ${f.url}`,
  ],
  outdated_information: [
    (f) => `${f.subject} is old and shared as if it were new. ${f.url}`,
    (f) => `Out of date: current figures on ${f.topic} from ${f.source} differ. ${f.url}`,
  ],
  factual_error: [
    (f) => `${cap(f.source)} reports otherwise on ${f.topic}. ${f.url}`,
    (f) => `Not accurate: ${f.source} shows the facts differ. ${f.url}`,
  ],
  disputed_claim_as_fact: [
    (f) => `This is disputed, not settled; see ${f.source}. ${f.url}`,
    (f) => `Unproven: the evidence on ${f.topic} is contested. ${f.url}`,
  ],
  misinterpreted_satire: [
    (f) => `This is satire, not a news report. ${f.url}`,
    (f) => `${f.subject} comes from a joke site and is not real. ${f.url}`,
  ],
  missing_important_context: conciseContext,
  other: conciseContext,
};

export const conciseNotMisleadingTemplates: Templates = [
  (f) => `Accurate: this matches ${f.source}. ${f.url}`,
  (f) => `${f.subject} is genuine, according to ${f.source}. ${f.url}`,
];

/** Starts a sentence with a publisher ("the World Health Organization"); a domain stays lower-case. */
export function cap(source: string): string {
  return source.startsWith("the ") ? `The ${source.slice(4)}` : source;
}
