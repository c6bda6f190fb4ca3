import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { utcNow } from "@/lib/review/sql";

import { triageFor } from "./read";
import { triageVerdicts, type TriageDto, type TriageVerdict } from "./types";

export const overturnInputSchema = z.object({
  postId: z.string().trim().regex(/^[0-9]{1,19}$/, { message: "is not an X post id" }),
  verdict: z.enum(triageVerdicts),
  reason: z.string().trim().min(3, { message: "say in a few words why" }).max(500),
});
export type OverturnInput = z.input<typeof overturnInputSchema>;

type Overturned = { previousVerdict: TriageVerdict; previousReason: string | null; machineVerdict: TriageVerdict };

/**
 * A reviewer puts a post back in (or takes it out) against the triage verdict, with a reason. The
 * overturn is theirs from then on: re-syncs refresh the machine's fields but not this verdict.
 * One conditional UPDATE decides (docs/review.md); only when it matches nothing is the row read,
 * to say why. The audit event commits with it. Overturning in makes the post draftable on the next
 * drafting run; overturning out takes its drafts out of the queue (lib/review/queue-sql.ts).
 */
export async function overturnTriage(input: OverturnInput, actor: { id: string }): Promise<TriageDto> {
  const { postId, verdict, reason } = overturnInputSchema.parse(input);
  await getDb().$transaction(async (tx) => {
    const [done] = await tx.$queryRaw<Overturned[]>`
      WITH before AS (SELECT id, triage_verdict, overturn_reason FROM posts WHERE id = ${postId} AND triage_verdict IS NOT NULL FOR UPDATE)
      UPDATE posts AS p
         SET triage_verdict = ${verdict}, overturned_by_id = ${actor.id}, overturned_at = ${utcNow}, overturn_reason = ${reason}
        FROM before
       WHERE p.id = before.id AND before.triage_verdict <> ${verdict}
      RETURNING before.triage_verdict AS "previousVerdict", before.overturn_reason AS "previousReason", p.machine_verdict AS "machineVerdict"`;
    if (!done) {
      const current = await tx.post.findUnique({ where: { id: postId }, select: { triageVerdict: true } });
      throw current?.triageVerdict
        ? new DomainError("invalid_state", `This post is already triaged ${verdict}.`)
        : new DomainError("not_found", "This post has not been triaged yet; try again after the next pull.");
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "post.triage_overturn",
      subjectType: "post",
      subjectId: postId,
      before: { verdict: done.previousVerdict, machineVerdict: done.machineVerdict, reason: done.previousReason },
      after: { verdict, machineVerdict: done.machineVerdict, reason },
    });
  });
  const overturned = (await triageFor([postId])).get(postId);
  if (!overturned) throw new DomainError("not_found", "This post's triage is gone: the post was deleted.");
  return overturned;
}
