import { readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * A pid file that lets one process at a time own a resource (the embedded database's data
 * directory). A file left behind by a process that no longer exists is taken over.
 */

export type LockHolder = { pid: number; port: number };

export class LockHeldError extends Error {
  constructor(readonly holder: LockHolder) {
    super(`held by pid ${holder.pid}`);
    this.name = "LockHeldError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return typeof holder.pid === "number" && typeof holder.port === "number" ? { pid: holder.pid, port: holder.port } : null;
  } catch {
    return null; // missing, or torn by a crash mid-write: either way nobody holds it
  }
}

/** Returns a synchronous release, so it can run in an `exit` handler. */
export function acquireLock(path: string, port: number): () => void {
  const holder = readHolder(path);
  if (holder && isAlive(holder.pid)) throw new LockHeldError(holder);
  rmSync(path, { force: true });
  // "wx" fails if another process created the file since we looked: it won the race.
  try {
    writeFileSync(path, JSON.stringify({ pid: process.pid, port }), { flag: "wx" });
  } catch (error) {
    const winner = (error as NodeJS.ErrnoException).code === "EEXIST" ? readHolder(path) : null;
    if (winner) throw new LockHeldError(winner);
    throw error;
  }
  return () => {
    if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
  };
}
