import * as v1 from "./draft-v1";

/**
 * Draft prompt, version 2: draft-v1's instructions with a tighter style (lead with the correction, one
 * source, shorter). Built on v1's text, which is never edited, so this text never changes either; the
 * next change is a draft-v3.ts. A drafting variant (docs/variants.md) picks it; the default stays on v1.
 */
export const version = "draft-v2";

export const temperature = v1.temperature;

export const system = `${v1.system}

## Style of this version (it overrides the length aim above)
- Open with the correction itself: the first sentence states what is true, not that the post is wrong.
- One source link, placed at the end.
- Aim for 140 characters, never more than two sentences.`;

export const user = v1.user;
