/** What the link checker reports per link. Types only, so client components may import them. */

export type LinkCheckMode = "live" | "simulated" | "off";

/** One redirect answer on the way to the final one. */
export type RedirectHop = { url: string; status: number };

export type LinkCheckResult = {
  /** The address as checked: the link from the note without glued sentence punctuation. */
  url: string;
  /** True only for a final 200 after at most MAX_REDIRECTS redirects. */
  ok: boolean;
  /** The final HTTP status; null when no final answer arrived (timeout, refused, not checked). */
  status: number | null;
  finalUrl: string | null;
  redirects: RedirectHop[];
  /** Why it is not ok, in plain words; null when ok. */
  error: string | null;
  checkedAt: string;
  fromCache: boolean;
};
