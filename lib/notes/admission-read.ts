import "server-only";

import { getDb } from "@/lib/db";

import { ADMISSION_WINDOW, admissionProgress, type AdmissionNote, type AdmissionProgress } from "./admission";
import { rememberNotesData } from "./memo";
import { writtenAt } from "./sql";

/** The admission bars over the writer's last 50 test-mode notes, newest (by when written) first. */
export function readAdmissionProgress(writerId: string): Promise<AdmissionProgress> {
  return rememberNotesData(writerId, "admission", async () => admissionProgress(await lastTestNotes(writerId)));
}

function lastTestNotes(writerId: string): Promise<AdmissionNote[]> {
  return getDb().$queryRaw<AdmissionNote[]>`
    SELECT n.claim_opinion AS "claimOpinion", n.url_validity AS "urlValidity", n.harassment_abuse AS "harassmentAbuse"
    FROM written_notes n LEFT JOIN submissions s ON s.id = n.submission_id
    WHERE n.writer_id = ${writerId} AND n.test_mode
    ORDER BY ${writtenAt} DESC, n.id DESC
    LIMIT ${ADMISSION_WINDOW}`;
}
