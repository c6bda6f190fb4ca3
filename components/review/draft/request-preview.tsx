import type { SubmissionPreview } from "@/lib/submission/dto";

import { budgetLines, type SendingBudget } from "./budget";

/** The feed in big letters and the exact JSON body: what the approver confirms is what X receives. */
export function RequestPreview({ preview, budget }: { preview: SubmissionPreview; budget: SendingBudget }) {
  const production = preview.mode === "production";
  return (
    <div className="flex flex-col gap-3">
      <p
        data-testid="submit-mode"
        data-mode={preview.mode}
        className={`rounded-md py-3 text-center text-3xl font-black tracking-wide ${production ? "bg-red-600 text-white" : "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100"}`}
      >
        {production ? "PRODUCTION FEED" : "TEST FEED"}
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        {production ? "This note goes to X's live Community Notes and counts toward the writer's record." : "This note goes to X's test feed: it is scored but not shown to X users."}
      </p>
      {preview.warnings.length > 0 && (
        <ul className="flex flex-col gap-0.5 text-xs text-amber-700 dark:text-amber-300">
          {preview.warnings.map((warning) => (
            <li key={warning.code}>! {warning.message}</li>
          ))}
        </ul>
      )}
      <div>
        <h3 className="mb-1 text-xs font-semibold text-zinc-500">Request body (POST /2/notes)</h3>
        <pre data-testid="request-body" className="max-h-64 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap text-zinc-100">
          {JSON.stringify(preview.body, null, 2)}
        </pre>
      </div>
      <ul className="flex flex-col gap-0.5 text-xs" data-testid="sending-budget">
        {budgetLines(budget).map((line) => (
          <li key={line.text} className={line.warn ? "font-semibold text-amber-700 dark:text-amber-300" : "text-zinc-500"}>
            {line.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
