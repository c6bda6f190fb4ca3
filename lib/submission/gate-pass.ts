import "server-only";

import { z } from "zod";

import { Prisma } from "@/lib/db";
import { gateLabels, type GateId } from "@/lib/gates/dto";
import type { GatePass } from "@/lib/gates/evaluate";
import { utcNow } from "@/lib/review/sql";

import type { GatePassDto } from "./dto";

/**
 * The gate pass on the submission row: the checklist an approval (or a send that judged it again)
 * relied on, bound to the payload hash it judged (issue #8: "the evaluator result for that exact text").
 */

const columnNames = ["gate_pass_hash", "gate_pass_score", "gate_pass_at", "gate_pass_results"].map((name) => Prisma.raw(name));

/** The gate-pass columns' values for `pass` (all NULL without one), dated by the database's clock; typed, so INSERT … SELECT takes them. */
function values(pass: GatePass | undefined): Prisma.Sql[] {
  if (!pass) return [Prisma.sql`NULL::text`, Prisma.sql`NULL::float8`, Prisma.sql`NULL::timestamp(3)`, Prisma.sql`NULL::jsonb`];
  return [Prisma.sql`${pass.payloadHash}::text`, Prisma.sql`${pass.claimOpinionScore}::float8`, utcNow, Prisma.sql`${JSON.stringify(pass.gates)}::jsonb`];
}

/** For INSERT: the column list and the matching select list. */
export function gatePassInsert(pass: GatePass | undefined): { columns: Prisma.Sql; values: Prisma.Sql } {
  return { columns: Prisma.join(columnNames, ", "), values: Prisma.join(values(pass), ", ") };
}

/** For UPDATE: SET items that record `pass`, or clear an earlier one. */
export function gatePassSet(pass: GatePass | undefined): Prisma.Sql[] {
  const given = values(pass);
  return columnNames.map((name, i) => Prisma.sql`${name} = ${given[i]}`);
}

export type GatePassColumns = { payloadHash: string; gatePassHash: string | null; gatePassScore: number | null; gatePassAt: Date | null; gatePassResults: unknown };

const resultsSchema = z.array(z.object({ id: z.string(), reason: z.string(), overriddenBy: z.string().nullable() }));

/** null when no pass was recorded (or what was recorded can't be read, which shows as none rather than failing the page). */
export function toGatePassDto(row: GatePassColumns): GatePassDto | null {
  if (row.gatePassHash === null || row.gatePassAt === null) return null;
  const results = resultsSchema.safeParse(row.gatePassResults);
  return {
    payloadHash: row.gatePassHash,
    matchesPayload: row.gatePassHash === row.payloadHash,
    claimOpinionScore: row.gatePassScore,
    at: row.gatePassAt,
    gates: (results.success ? results.data : []).map((g) => ({ ...g, label: gateLabels[g.id as GateId] ?? g.id })),
  };
}

/** What an audit row says about the pass a step relied on. */
export function gatePassAudit(pass: GatePass | undefined, how = "recorded"): { claimOpinionScore: number | null; gatePass: string } {
  return pass ? { claimOpinionScore: pass.claimOpinionScore, gatePass: how } : { claimOpinionScore: null, gatePass: "none (judged in full when sent)" };
}
