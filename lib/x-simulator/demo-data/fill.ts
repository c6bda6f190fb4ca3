import type { Random } from "../random";
import type { LanguagePack } from "./language-pack";

export type SlotValues = Record<string, string>;

/** One post's slot values, drawn once so a repeated {place} names the same place. */
export function drawSlots(pack: LanguagePack, random: Random): SlotValues {
  const { slots } = pack;
  return {
    place: random.pick(slots.place),
    org: random.pick(slots.org),
    person: random.pick(slots.person),
    topic: random.pick(slots.topic),
    product: random.pick(slots.product),
    event: random.pick(slots.event),
    month: random.pick(slots.month),
    quote: random.pick(slots.quote),
    n: String(random.int(12, 4_800)),
    n2: String(random.int(20, 9_000)),
    pct: String(random.int(3, 85)),
    year: String(random.int(2008, 2022)),
  };
}

export function fill(template: string, values: SlotValues): string {
  const filled = template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** X shows the first ~275 characters of a long post as `text`, ending in an ellipsis. */
export function truncateForText(text: string, limit = 275): string {
  const codePoints = Array.from(text);
  return codePoints.length <= limit ? text : `${codePoints.slice(0, limit).join("").trimEnd()}…`;
}
