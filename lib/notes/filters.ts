import { z } from "zod";

/**
 * The notes page's state, all of it in the URL: filters, sort, page cursor and chart range. Parsed
 * with zod; a value that does not parse falls back to its default instead of failing the page, so
 * an old or hand-edited link still opens. Pure, so client components build links with it too.
 */

export const noteOrigins = ["unedited", "edited", "human", "external"] as const;
export type NoteOrigin = (typeof noteOrigins)[number];

export const bucketFilters = ["high", "medium", "low", "unknown", "none"] as const;
export type BucketFilter = (typeof bucketFilters)[number];

export const noteSorts = ["first_seen", "last_changed"] as const;

export const chartRanges = ["30d", "90d", "1y", "all"] as const;
export type ChartRange = (typeof chartRanges)[number];

/** "<epoch ms>.<note id>": the sort key and id of the row a page starts after (or before). */
const cursor = z
  .string()
  .regex(/^-?\d{1,15}\.[0-9A-Za-z_-]{1,64}$/)
  .transform((value) => {
    const dot = value.indexOf(".");
    return { at: new Date(Number(value.slice(0, dot))), id: value.slice(dot + 1) };
  });

const optionalId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/).optional().catch(undefined);
const bucket = z.enum(bucketFilters).optional().catch(undefined);

export const notesQuerySchema = z.object({
  writer: optionalId,
  mode: z.enum(["all", "test", "production"]).default("all").catch("all"),
  /** A status X uses, or "none" for notes without one. */
  status: z.string().regex(/^[a-z_]{1,64}$/).optional().catch(undefined),
  co: bucket,
  uv: bucket,
  ha: bucket,
  origin: z.enum(noteOrigins).optional().catch(undefined),
  approver: optionalId,
  sort: z.enum(noteSorts).default("first_seen").catch("first_seen"),
  dir: z.enum(["desc", "asc"]).default("desc").catch("desc"),
  after: cursor.optional().catch(undefined),
  before: cursor.optional().catch(undefined),
  range: z.enum(chartRanges).default("90d").catch("90d"),
});

export type NotesQuery = z.output<typeof notesQuerySchema>;
export type NotesFilters = Omit<NotesQuery, "after" | "before" | "range" | "sort" | "dir">;
/** What the filter form shows: everything but the page cursor. */
export type NotesView = Omit<NotesQuery, "after" | "before">;

export function viewOf(query: NotesQuery): NotesView {
  const view = { ...query };
  delete view.after;
  delete view.before;
  return view;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams (a repeated key arrives as an array: the first one counts; empty means unset). */
export function parseNotesQuery(params: SearchParams): NotesQuery {
  const flat = Object.fromEntries(
    Object.entries(params)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const)
      .filter(([, value]) => value !== undefined && value !== ""),
  );
  return notesQuerySchema.parse(flat);
}

/** Whether anything narrows the table beyond the writer. */
export function hasFilters(filters: NotesFilters): boolean {
  return filters.mode !== "all" || [filters.status, filters.co, filters.uv, filters.ha, filters.origin, filters.approver].some((f) => f !== undefined);
}

export function encodeCursor(at: Date, id: string): string {
  return `${at.getTime()}.${id}`;
}

const defaults = notesQuerySchema.parse({});

/**
 * The URL of the notes page with `changes` applied. The page cursor is only kept when `changes` sets
 * one, so any other change starts again at the first page; defaults are left out to keep links short.
 */
export function notesHref(query: NotesQuery, changes: Partial<Record<keyof NotesQuery, string | undefined>>, path = "/notes"): string {
  const values: Record<string, string | undefined> = {
    writer: query.writer,
    mode: query.mode,
    status: query.status,
    co: query.co,
    uv: query.uv,
    ha: query.ha,
    origin: query.origin,
    approver: query.approver,
    sort: query.sort,
    dir: query.dir,
    range: query.range,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...changes })) {
    if (value === undefined || value === "" || value === defaults[key as keyof NotesQuery]) continue;
    params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The export of what the table shows: same writer and filters, as CSV or JSON, notes or decisions. */
export function exportHref(query: NotesQuery, format: "csv" | "json", dataset: "notes" | "decisions"): string {
  const base = notesHref(query, {}, "/api/notes/export");
  return `${base}${base.includes("?") ? "&" : "?"}format=${format}&dataset=${dataset}`;
}
