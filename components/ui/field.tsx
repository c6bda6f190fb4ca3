import type { ReactNode } from "react";

/**
 * A labelled control with its hint and errors tied to it (aria-describedby), so a screen reader reads
 * the error when the control gets focus. Errors are announced as they appear (aria-live).
 */
export function Field({
  id,
  label,
  hint,
  errors = [],
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      <div id={`${id}-errors`} aria-live="polite" className="empty:hidden">
        {errors.map((error) => (
          <p key={error} className="text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}

/** The ids a control inside <Field id={id}> should name in aria-describedby. */
export function describedBy(id: string, options: { hint?: boolean } = {}): string {
  return options.hint ? `${id}-hint ${id}-errors` : `${id}-errors`;
}
