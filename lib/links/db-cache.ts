import "server-only";

import { z } from "zod";

import { getDb, sqlBatched } from "@/lib/db";

import type { LinkCheckCache } from "./checker";
import type { LinkCheckResult } from "./types";

const redirectsSchema = z.array(z.object({ url: z.string(), status: z.number() }));

type Row = { ok: boolean; status: number | null; finalUrl: string | null; redirects: unknown; error: string | null; checkedAt: Date };

/** The link_checks table: shared by every app server and worker, so a link is asked once per TTL. */
export function dbLinkCache(mode: "live" | "simulated"): LinkCheckCache {
  return {
    async get(url) {
      // Read by every checklist for every link of the note: one plain statement.
      const [row] = await sqlBatched().$queryRaw<Row[]>`
        SELECT ok, status, final_url AS "finalUrl", redirects, error, checked_at AS "checkedAt"
          FROM link_checks WHERE mode = ${mode} AND url = ${url} AND expires_at > ${new Date()}`;
      if (!row) return null;
      const { ok, status, finalUrl, error } = row;
      return { url, ok, status, finalUrl, error, redirects: redirectsSchema.parse(row.redirects), checkedAt: row.checkedAt.toISOString(), fromCache: true };
    },
    async put(result: LinkCheckResult, ttlMs: number) {
      const checkedAt = new Date(result.checkedAt);
      const fields = {
        ok: result.ok,
        status: result.status,
        finalUrl: result.finalUrl,
        redirects: result.redirects,
        error: result.error,
        checkedAt,
        expiresAt: new Date(checkedAt.getTime() + ttlMs),
      };
      await getDb().linkCheck.upsert({ where: { mode_url: { mode, url: result.url } }, create: { mode, url: result.url, ...fields }, update: fields });
    },
  };
}
