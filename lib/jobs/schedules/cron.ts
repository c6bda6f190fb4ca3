/**
 * The cron expressions a schedule accepts: five numeric fields (minute hour day-of-month month
 * day-of-week) with `*`, lists, ranges and steps. pg-boss checks schedules once a minute, so a
 * seconds field would promise what it cannot keep; names and `L`/`#`/`?` are left out to keep
 * what an admin types and what the UI shows the same thing.
 */
const fields = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

const itemPattern = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;

/** Why `expression` is not a schedule this app runs, or null when it is. */
export function cronProblem(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== fields.length) {
    return `needs 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  for (const [index, field] of fields.entries()) {
    const problem = fieldProblem(parts[index] ?? "", field);
    if (problem) return `${field.name}: ${problem}`;
  }
  return null;
}

function fieldProblem(text: string, field: (typeof fields)[number]): string | null {
  for (const item of text.split(",")) {
    const match = itemPattern.exec(item);
    if (!match) return `"${item}" is not *, a number, a range or a step`;
    const [, , from, to, step] = match;
    if (step !== undefined && Number(step) < 1) return `step "${step}" must be 1 or more`;
    for (const value of [from, to]) {
      if (value !== undefined && (Number(value) < field.min || Number(value) > field.max)) {
        return `${value} is outside ${field.min}–${field.max}`;
      }
    }
    if (from !== undefined && to !== undefined && Number(from) > Number(to)) return `range ${from}-${to} runs backwards`;
  }
  return null;
}
