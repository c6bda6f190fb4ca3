/**
 * Everything the rest of Notedesk uses from the database layer. Nothing outside lib/db imports
 * from ./generated, so the generated client can move or change shape in one place.
 */
export { createDb, disconnectDb, getDb, inSqlTransaction, setDb, sql, sqlBatched, type DbClient } from "./client";
export type { SqlRunner, SqlTransaction, TransactionOptions } from "./sql";
export { refusalOf, sqlAssertion } from "./assertion";
export { pipelined } from "./sql";
export { ConflictError, DatabaseUnavailableError, mapDbError, NotFoundError } from "./errors";
export * from "./enums";
export { Prisma } from "./generated/client";
export type {
  AuditEvent,
  Draft,
  Eligibility,
  JobRun,
  NoteSnapshot,
  Post,
  Revision,
  Submission,
  Suggestion,
  User,
  Writer,
  WrittenNote,
} from "./generated/client";
