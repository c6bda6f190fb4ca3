/** Money in Notedesk is whole micro-dollars: exact integers, and a cheap call still costs more than 0. */
export const MICROS_PER_DOLLAR = 1_000_000;

export const dollarsToMicros = (dollars: number): number => Math.round(dollars * MICROS_PER_DOLLAR);

/** "$12.50", "$0.30", "$0.0042": cents when that is exact, else enough digits that cheap calls don't read as $0.00. */
export function formatMicros(micros: number): string {
  const dollars = micros / MICROS_PER_DOLLAR;
  return `$${dollars.toFixed(micros % 10_000 === 0 ? 2 : 4)}`;
}
