import { classifications, misleadingTags, type NoteIssue } from "@/lib/note-text";
import type { NoteFields } from "@/lib/review/dto";

import { classificationLabels, tagLabels } from "../labels";

/** Classification as two radios; the misleading reasons appear only for a misleading note, as X requires. */
export function ClassificationFields({ fields, issues, readOnly, onChange }: { fields: NoteFields; issues: NoteIssue[]; readOnly: boolean; onChange: (fields: NoteFields) => void }) {
  const misleading = fields.classification === "misinformed_or_potentially_misleading";
  const tagErrors = issues.filter((issue) => issue.field === "misleadingTags").map((issue) => issue.message);
  const toggleTag = (tag: string, on: boolean) =>
    onChange({ ...fields, misleadingTags: on ? [...fields.misleadingTags, tag] : fields.misleadingTags.filter((t) => t !== tag) });

  return (
    <div className="flex flex-col gap-3 text-sm">
      <fieldset disabled={readOnly}>
        <legend className="mb-1 font-medium">Classification</legend>
        <div className="flex flex-wrap gap-4">
          {classifications.map((value) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" name="classification" value={value} checked={fields.classification === value} onChange={() => onChange({ ...fields, classification: value })} />
              {classificationLabels[value]}
            </label>
          ))}
        </div>
      </fieldset>
      {misleading && (
        <fieldset disabled={readOnly} aria-describedby="misleading-tags-errors">
          <legend className="mb-1 font-medium">Why it is misleading</legend>
          <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
            {misleadingTags.map((tag) => (
              <label key={tag} className="flex items-center gap-1.5">
                <input type="checkbox" checked={fields.misleadingTags.includes(tag)} onChange={(event) => toggleTag(tag, event.target.checked)} />
                {tagLabels[tag]}
              </label>
            ))}
          </div>
          <div id="misleading-tags-errors" aria-live="polite">
            {tagErrors.map((message) => (
              <p key={message} className="mt-1 text-xs text-red-700 dark:text-red-400">
                {message}
              </p>
            ))}
          </div>
        </fieldset>
      )}
      <label className="flex items-center gap-1.5">
        <input type="checkbox" disabled={readOnly} checked={fields.trustworthySources} onChange={(event) => onChange({ ...fields, trustworthySources: event.target.checked })} />
        The sources are trustworthy
      </label>
    </div>
  );
}
