import "server-only";

import { listWriters, type WriterDto } from "@/lib/writers/store";

/**
 * The writer the notes page shows: the one named in the URL, else the first (as elsewhere in the app).
 * An unknown id falls back too, like every other bad URL value.
 */
export async function notesWriter(writerId: string | undefined): Promise<{ writer: WriterDto | null; writers: WriterDto[] }> {
  const writers = await listWriters();
  return { writer: writers.find((w) => w.id === writerId) ?? writers[0] ?? null, writers };
}
