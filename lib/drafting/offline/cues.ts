import { misleadingTags, type MisleadingTag } from "@/lib/note-text";

/**
 * Word cues the offline drafter reads posts, note requests and suggestions by. Rules of thumb in the
 * open, so a reviewer can see why it decided what it did; they are not a claim checker.
 */

const opinion = /\b(i think|i believe|i feel|in my (opinion|view)|imo|imho|personally|my take|hot take|unpopular opinion|overrated|underrated|the best|the worst|should|shouldn't|ought to|i love|i hate)\b/i;
const prediction = /\b(will (be|win|lose|crash|collapse|happen|never|rise|fall|soar|end)|going to|gonna|i predict|prediction|mark my words|next (year|month|decade))\b/i;
const satire = /\b(satire|satirical|parody|the onion|babylon bee|just kidding)\b|(^|\s)\/s(\s|$)/i;
const saysAccurate = /\b(not misleading|is accurate|is correct|is real|is genuine|is authentic|checks out|is true|is legit)\b/i;
const asksForOpinion = /\b(i think|in my opinion|say (that )?(he|she|they|the author)|call (him|her|them|the author)|liar|lying|idiot|stupid|evil|disgusting|shameful|propaganda|should be (banned|arrested|ashamed))\b/i;

const tagCues: Record<MisleadingTag, RegExp | null> = {
  disputed_claim_as_fact: /\b(disputed|unproven|unverified|no evidence|not proven|contested|debunked)\b/i,
  factual_error: /\b(false|wrong|incorrect|not true|untrue|inaccurate|not accurate|not correct|never happened|made up)\b/i,
  manipulated_media: /\b(edited|photoshopp?ed|doctored|fake (image|photo|video)|ai[- ]generated|deepfake|manipulated|altered|fabricated)\b/i,
  misinterpreted_satire: /\b(satire|satirical|parody|joke account|the onion|babylon bee)\b/i,
  missing_important_context: /\b(context|missing|leaves out|left out|cherry[- ]?pick(ed|ing)?|misleading|partial)\b/i,
  other: null,
  outdated_information: /\b(old|outdated|from (19|20)\d\d|years ago|no longer|recycled|resurfaced|not recent|out of date)\b/i,
};

export type Cue = { kind: "opinion" | "prediction" | "satire"; excerpt: string };

/** Why a post reads as not checkable, if it does: satire first, then opinion, then prediction. */
export function uncheckableCue(text: string): Cue | null {
  for (const [kind, pattern] of [["satire", satire], ["opinion", opinion], ["prediction", prediction]] as const) {
    const match = pattern.exec(text);
    if (match) return { kind, excerpt: match[0].trim() };
  }
  return null;
}

export function claimsAccuracy(text: string): boolean {
  return saysAccurate.test(text);
}

/** Misleading reasons a text points to, in the API's order; "not misleading" is not read as "misleading". */
export function tagsSuggestedBy(text: string): MisleadingTag[] {
  const rest = text.replace(new RegExp(saysAccurate.source, "gi"), " ");
  return misleadingTags.filter((tag) => tagCues[tag]?.test(rest));
}

export function asksForOpinionOrJudgement(text: string): boolean {
  return asksForOpinion.test(text);
}
