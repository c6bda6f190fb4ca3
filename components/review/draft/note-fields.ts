import type { NoteFields } from "@/lib/review/dto";

export const emptyNote: NoteFields = {
  text: "",
  classification: "misinformed_or_potentially_misleading",
  misleadingTags: [],
  trustworthySources: true,
};

export function noteFieldsOf(revision: NoteFields | null): NoteFields {
  if (!revision) return emptyNote;
  const { text, classification, misleadingTags, trustworthySources } = revision;
  return { text, classification, misleadingTags, trustworthySources };
}

/**
 * What gets saved: a "not misleading" note carries no misleading reasons. The editor keeps the
 * ticked reasons meanwhile, so flipping the classification back and forth loses nothing.
 */
export function effectiveNote(fields: NoteFields): NoteFields {
  return fields.classification === "not_misleading" ? { ...fields, misleadingTags: [] } : fields;
}

export function sameNote(a: NoteFields, b: NoteFields): boolean {
  const x = effectiveNote(a);
  const y = effectiveNote(b);
  return (
    x.text === y.text &&
    x.classification === y.classification &&
    x.trustworthySources === y.trustworthySources &&
    x.misleadingTags.length === y.misleadingTags.length &&
    x.misleadingTags.every((tag) => y.misleadingTags.includes(tag))
  );
}
