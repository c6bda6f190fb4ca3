import "server-only";

import { z } from "zod";

import { getDb } from "@/lib/db";

import { labelReasons } from "./labels";
import { triageSignals, triageVerdicts, type TriageDto } from "./types";

const verdictSchema = z.enum(triageVerdicts);
const reasonsSchema = z.array(
  z.object({
    signal: z.enum(triageSignals),
    weight: z.number(),
    evidence: z.array(z.string()).default([]),
    count: z.number().optional(),
    blocking: z.literal(true).optional(),
  }),
);
const factorsSchema = z.object({ noteRequests: z.number(), reach: z.number().nullable(), reachEstimated: z.boolean() });

/** The triage of each post that has one, keyed by post id: what the queue shows beside a draft. */
export async function triageFor(postIds: readonly string[]): Promise<Map<string, TriageDto>> {
  if (postIds.length === 0) return new Map();
  const rows = await getDb().postTriage.findMany({
    where: { postId: { in: [...new Set(postIds)] } },
    include: { overturnedBy: { select: { id: true, name: true } } },
  });
  return new Map(
    rows.map((row): [string, TriageDto] => [
      row.postId,
      {
        postId: row.postId,
        verdict: verdictSchema.parse(row.verdict),
        machineVerdict: verdictSchema.parse(row.machineVerdict),
        checkability: row.checkability,
        // Parsed, not cast: the JSON columns are checked like every other stored JSON.
        reasons: labelReasons(reasonsSchema.parse(row.reasons), row.model),
        assessedBy: row.assessedBy === "llm" ? "llm" : "heuristic",
        model: row.model,
        promptVersion: row.promptVersion,
        priority: { base: row.priorityBase, key: row.priorityKey, agedFrom: row.agedFrom, factors: factorsSchema.parse(row.priorityFactors) },
        triagedAt: row.triagedAt,
        overturn:
          row.overturnedAt && row.overturnReason !== null
            ? { by: row.overturnedBy, at: row.overturnedAt, reason: row.overturnReason }
            : null,
      },
    ]),
  );
}
