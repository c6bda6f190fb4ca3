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

/** Starts a sentence with a publisher ("the World Health Organization"); a domain stays lower-case. */
export function cap(source: string): string {
  return source.startsWith("the ") ? `The ${source.slice(4)}` : source;
}
