import { csvLine, type CsvValue } from "./csv";

export type ExportFormat = "csv" | "json";
export type ExportRow = Record<string, CsvValue>;

/**
 * Encodes batches of rows as they arrive: CSV with a header line, or one JSON array. Pull-based, so
 * the next batch is only read from the database once the client has taken the previous one, and a
 * client that goes away stops the reading.
 */
export function exportStream(format: ExportFormat, columns: readonly string[], batches: AsyncIterable<ExportRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  // Between JSON rows; the first row follows the opening bracket on a line of its own.
  let separator = "\n";
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvLine(columns) : "["));
    },
    async pull(controller) {
      const { value: batch, done } = await iterator.next();
      if (done) {
        if (format === "json") controller.enqueue(encoder.encode(separator === "\n" ? "]\n" : "\n]\n"));
        controller.close();
        return;
      }
      let encoded = "";
      for (const row of batch) {
        if (format === "csv") {
          encoded += csvLine(columns.map((column) => row[column]));
        } else {
          encoded += separator + JSON.stringify(row);
          separator = ",\n";
        }
      }
      controller.enqueue(encoder.encode(encoded));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
