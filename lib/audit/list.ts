import "server-only";

import { getDb } from "@/lib/db";

import type { AuditSubjectType } from "./record";

export type AuditEventDto = {
  id: string;
  action: string;
  actor: { id: string; name: string } | null;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  at: Date;
};

/** The history of some subjects (a draft and its submission, say), oldest first. */
export async function listAuditEvents(subjects: { type: AuditSubjectType; id: string }[]): Promise<AuditEventDto[]> {
  if (subjects.length === 0) return [];
  const events = await getDb().auditEvent.findMany({
    where: { OR: subjects.map((s) => ({ subjectType: s.type, subjectId: s.id })) },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: {
      id: true,
      action: true,
      subjectType: true,
      subjectId: true,
      before: true,
      after: true,
      at: true,
      actor: { select: { id: true, name: true } },
    },
  });
  return events.map((event) => ({ ...event, id: event.id.toString() }));
}
