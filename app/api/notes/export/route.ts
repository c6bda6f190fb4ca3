import { z } from "zod";

import { defineRoute } from "@/lib/auth/route";
import { DomainError } from "@/lib/errors";
import { decisionExportBatches, exportColumns, exportDatasets, noteExportBatches } from "@/lib/notes/export-rows";
import { exportStream } from "@/lib/notes/export-stream";
import { notesQuerySchema } from "@/lib/notes/filters";
import { notesWriter } from "@/lib/notes/writer";

export const dynamic = "force-dynamic";

const exportQuery = notesQuerySchema.extend({
  format: z.enum(["csv", "json"]).default("csv"),
  dataset: z.enum(exportDatasets).default("notes"),
});

const contentTypes = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

/**
 * Notes (with their edits and outcomes) or reviewer decisions as CSV or JSON, streamed from batched
 * keyset reads: 100,000 rows never sit in memory. The notes dataset takes the table's filters.
 */
export const GET = defineRoute({ name: "notes.export", role: "viewer", query: exportQuery }, async (query) => {
  const { writer } = await notesWriter(query.writer);
  if (!writer) throw new DomainError("not_found", "There is no writer to export notes for yet.");
  const batches = query.dataset === "notes" ? noteExportBatches(writer.id, query) : decisionExportBatches(writer.id, query);
  const filename = `notedesk-${query.dataset}-${new Date().toISOString().slice(0, 10)}.${query.format}`;
  return new Response(exportStream(query.format, exportColumns[query.dataset], batches), {
    headers: {
      "content-type": contentTypes[query.format],
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
