import { describe, expect, it } from "vitest";

import type { NoteInput } from "@/lib/note-text";

import { decideKeep } from "./keep-rule";
import type { StoryAssessment } from "./output/answers";

const current: NoteInput = {
  text: "This photo is from a 2019 flood in Valencia, not from this week. https://apnews.com/a",
  classification: "misinformed_or_potentially_misleading",
  misleadingTags: ["outdated_information"],
  trustworthySources: true,
};
const reworded = { ...current, text: "This picture shows a flood in Valencia in 2019; it was not taken this week. https://apnews.com/a" };

describe("decideKeep", () => {
  it("never keeps a same-story rewording", () => {
    expect(decideKeep(current, reworded, "SAME_STORY")).toEqual({
      keep: false,
      reason: "It tells the same story; a rewording alone is not worth a new version.",
    });
  });

  it.each(["STORY_CHANGED", "STORY_CORRECTION", "QUALITY_ISSUE", "SAME_STORY", "SOURCE_UPGRADE"] as StoryAssessment[])(
    "never keeps a (nearly) identical text, whatever the model calls it (%s)",
    (story) => {
      const same = { ...current, text: current.text.replace("this week", "this week!") };
      expect(decideKeep(current, same, story)).toEqual({ keep: false, reason: "The revision is (nearly) identical to the current note." });
    },
  );

  it("keeps a downgrade from misleading to not misleading, even as the same story", () => {
    const downgrade: NoteInput = { ...current, classification: "not_misleading", misleadingTags: [] };
    expect(decideKeep(current, downgrade, "SAME_STORY")).toEqual({
      keep: true,
      reason: "It downgrades the note from misleading to not misleading.",
    });
  });

  it("keeps a real source upgrade and rejects one that cites the same links", () => {
    const upgraded = { ...current, text: current.text.replace("https://apnews.com/a", "https://www.reuters.com/fact-check/b") };
    expect(decideKeep(current, upgraded, "SOURCE_UPGRADE")).toEqual({ keep: true, reason: "It cites better or additional sources." });
    expect(decideKeep(current, reworded, "SOURCE_UPGRADE")).toEqual({ keep: false, reason: "It claims a source upgrade but cites the same links." });
  });

  it("keeps a tag correction with the same text", () => {
    const retagged: NoteInput = { ...current, misleadingTags: ["outdated_information", "manipulated_media"] };
    expect(decideKeep(current, retagged, "STORY_CORRECTION")).toEqual({ keep: true, reason: "It corrects the current note." });
  });

  it.each([
    ["STORY_CHANGED", "The story changed."],
    ["QUALITY_ISSUE", "It fixes a quality issue in the current note."],
  ] as [StoryAssessment, string][])("keeps a real change assessed as %s", (story, reason) => {
    expect(decideKeep(current, reworded, story)).toEqual({ keep: true, reason });
  });

  it("never trades a submittable note for one that breaks a rule", () => {
    const noLink = { ...current, text: "The photo is from 2019, not this week." };
    expect(decideKeep(current, noLink, "STORY_CORRECTION")).toEqual({
      keep: false,
      reason: "The revision breaks a rule the current note meets: Add at least one source link starting with https:// or http://.",
    });
  });

  it("keeps a revision that fixes what made the current note unsubmittable", () => {
    const tooLong = { ...current, text: `${"This photo is old. ".repeat(16)}https://apnews.com/a` };
    expect(decideKeep(tooLong, current, "SAME_STORY")).toEqual({
      keep: true,
      reason: "It fixes what stopped the current note from being submitted.",
    });
  });
});
