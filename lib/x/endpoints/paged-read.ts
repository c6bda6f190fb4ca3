import "server-only";

import type { z } from "zod";

import { xQueryParams } from "../fields";
import { parseBody } from "../parse";
import { toProblem, type RawProblem, type XProblem } from "../problem";
import type { Transport } from "../transport";

/** What both paged reads (eligible posts, notes written) take besides their own fields. */
export type PagedQuery = {
  /** true = the test feed / test notes (until admission); false = the live ones. */
  testMode: boolean;
  /** 1–100; X's default is 10. */
  maxResults?: number;
  paginationToken?: string;
};

/** What every page of them reports beside its items. */
export type PageMeta = {
  nextToken: string | null;
  resultCount: number;
  /** Problems X reported beside the data (e.g. a referenced post that was deleted). */
  problems: XProblem[];
  raw: unknown;
};

type PagedBody = { meta: { result_count: number; next_token?: string }; errors?: RawProblem[] };

/**
 * One GET of a paged read: the shared parameters plus the endpoint's own, retried like any
 * idempotent GET, parsed with the endpoint's schema.
 */
export async function getPage<Schema extends z.ZodType<PagedBody>>(
  transport: Transport,
  request: { path: string; query: PagedQuery; params: Record<string, string | undefined>; schema: Schema },
): Promise<{ body: z.output<Schema>; meta: PageMeta }> {
  const { query } = request;
  const response = await transport.send({
    method: "GET",
    path: request.path,
    query: {
      [xQueryParams.testMode]: String(query.testMode),
      [xQueryParams.maxResults]: query.maxResults === undefined ? undefined : String(query.maxResults),
      [xQueryParams.paginationToken]: query.paginationToken,
      ...request.params,
    },
    idempotent: true,
    testMode: query.testMode,
  });
  const body = parseBody(request.schema, response);
  return {
    body,
    meta: { nextToken: body.meta.next_token ?? null, resultCount: body.meta.result_count, problems: (body.errors ?? []).map(toProblem), raw: response.body },
  };
}
