import { extractUrls, type NoteInput } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import { hostOf, isReferenceHost, isWithinDomain } from "./reference-domains";

/**
 * Signs of prompt injection, as plain-language reasons for the reviewer. Heuristics, tuned to be
 * explainable rather than complete: the real defence is that post text only reaches the model as
 * data; this flags the cases a human should look at twice.
 */

type Sign = { pattern: RegExp; meaning: string };

const instructionSigns: Sign[] = [
  {
    pattern:
      /\b(?:ignore|disregard|forget|override)\s+(?:(?:all|any|the|of|everything)\s+)*(?:previous|prior|above|earlier|preceding|original|system|your|all)\s+(?:instructions?|prompts?|rules|guidelines|directions|messages?)\b/i,
    meaning: "tells the reader to ignore its instructions",
  },
  {
    pattern: /<\|(?:im_start|im_end|system|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|assistant|instructions?)>|^\s*(?:system|assistant|developer)\s*:/im,
    meaning: "contains chat-prompt markup",
  },
  {
    pattern: /\bsystem prompt\b|\b(?:reveal|print|show|repeat|output)\s+(?:your|the)\s+(?:prompt|instructions)\b/i,
    meaning: "asks about an AI's prompt",
  },
  {
    pattern:
      /(?<!\bif )\byou are (?:now )?(?:an? |the )?(?:ai|a\.i\.|assistant|language model|llm|chatbot|note writer|community notes? (?:ai|writer|bot))\b|\bfrom now on,? you (?:are|will|must)\b/i,
    meaning: "tries to give the reader a new role",
  },
  {
    pattern:
      /\b(?:dear|attention|note to|to (?:any|all|the))\s+(?:ai|a\.i\.|llms?|bots?|chatbots?|language models?|assistants?|(?:community )?notes? writers?)\b|\bif you(?:'re| are) an? (?:ai|llm|language model|bot|chatbot|assistant)\b|\b(?:ai|llm|bot|chatbot|assistant|note writer|grok)s?\s*[,:]\s*(?:please\s+)?(?:write|rate|mark|classify|respond|reply|output|say|state|ignore|do not|don't|never)\b/i,
    meaning: "addresses instructions to an AI or note writer",
  },
  {
    pattern:
      /\b(?:do not|don't|never)\s+(?:write|add|attach|propose|post)\s+(?:a\s+|any\s+)?(?:community\s+)?notes?\b|\b(?:classify|mark|rate|label)\s+(?:this|the)\s+(?:post|tweet|note)\s+as\b|\b(?:the|any|your)\s+(?:community\s+)?note\s+(?:must|should)\s+(?:say|state|read|mention|include)\b/i,
    meaning: "tells note writers what to write",
  },
];

const speaksAsAi: Sign = {
  pattern:
    /\bas an? (?:ai|a\.i\.|language model|llm)\b|\bi(?:'m| am) (?:an? )?(?:ai|a\.i\.|language model|llm|assistant)\b|\b(?:i|we) (?:cannot|can't|am unable to|won't) (?:help|assist|comply|write)\b/i,
  meaning: "speaks as an AI",
};

// Unicode tag characters render as nothing, a known way to smuggle text past a human. Subdivision
// flags (🏴 + tags + cancel tag, e.g. Scotland) are their one legitimate use and are removed first.
const subdivisionFlag = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const tagCharacter = /[\u{E0000}-\u{E007F}]/u;

/** How many consecutive words a note must share with an injected instruction to count as echoing it. */
const ECHO_WORDS = 6;

type Passage = { where: string; text: string };

export function findInjectionSignsInPost(post: NormalizedPost): string[] {
  return postPassages(post).flatMap(({ where, text }) => [
    ...matchedSigns(text, instructionSigns).map(({ meaning, excerpt }) => `${where} ${meaning}: "${excerpt}"`),
    ...(tagCharacter.test(text.replace(subdivisionFlag, "")) ? [`${where} contains invisible Unicode tag characters`] : []),
  ]);
}

/**
 * Signs that a draft followed injected text: it reads like instructions or like an AI talking,
 * repeats an instruction found in the post, or links to a site that neither the post, its sources
 * (nor `alsoKnownUrls`, e.g. links reviewers suggested) mention and that is not a reference site.
 */
export function findInjectionSignsInDraft(
  note: Pick<NoteInput, "text">,
  post: NormalizedPost,
  alsoKnownUrls: readonly string[] = [],
): string[] {
  const reasons = [instructionSigns, [speaksAsAi]].flatMap((signs) =>
    matchedSigns(note.text, signs).map(({ meaning, excerpt }) => `the note ${meaning}: "${excerpt}"`),
  );

  const injected = postPassages(post).filter(({ text }) => matchedSigns(text, instructionSigns).length > 0);
  if (injected.some(({ text }) => sharesWordRun(note.text, text, ECHO_WORDS))) {
    reasons.push("the note repeats words from text in the post that was addressed to an AI");
  }

  const knownHosts = [...contextUrls(post), ...alsoKnownUrls].flatMap((url) => hostOf(url) ?? []);
  for (const url of extractUrls(note.text)) {
    const host = hostOf(url);
    if (host === null) {
      reasons.push(`the note contains a link that is not a valid web address: ${url}`);
    } else if (
      !isReferenceHost(host) &&
      !knownHosts.some((known) => isWithinDomain(host, known) || isWithinDomain(known, host))
    ) {
      reasons.push(`the note links to ${host}, which neither the post nor its sources mention and which is not a reference site`);
    }
  }
  return reasons;
}

function postPassages(post: NormalizedPost): Passage[] {
  return [
    { where: "the post text", text: post.text },
    ...post.media.map((m, i) => ({ where: `the alt text of ${m.type} ${i + 1}`, text: m.altText ?? "" })),
    ...post.referencedPosts.map((r) => ({ where: `the ${r.type.replace("_", "-")} post`, text: r.text ?? "" })),
    ...post.noteRequests.map((r, i) => ({ where: `note request ${i + 1}`, text: r.suggestion })),
  ];
}

function contextUrls(post: NormalizedPost): string[] {
  return [
    ...postPassages(post).flatMap(({ text }) => extractUrls(text)),
    ...post.noteRequests.flatMap((r) => r.sourceLink ?? []),
    ...post.suggestedSources.map((s) => s.url),
  ];
}

function matchedSigns(text: string, signs: readonly Sign[]): { meaning: string; excerpt: string }[] {
  return signs.flatMap(({ pattern, meaning }) => {
    const match = pattern.exec(text);
    return match ? [{ meaning, excerpt: match[0].trim().slice(0, 80) }] : [];
  });
}

function sharesWordRun(a: string, b: string, length: number): boolean {
  const runs = (text: string) => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    return new Set(words.slice(0, Math.max(0, words.length - length + 1)).map((_, i) => words.slice(i, i + length).join(" ")));
  };
  const fromB = runs(b);
  return [...runs(a)].some((run) => fromB.has(run));
}
