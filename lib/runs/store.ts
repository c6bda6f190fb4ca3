import "server-only";

import type { DbClient, Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import type { RunKind } from "./kinds";
export type RunCounts = Record<string, number>;
export type RunError = { at: string; message: string };

/** A run whose heartbeat is older than this died with its process; the next run may take over. */
export const STALE_RUN_MS = 2 * 60_000;

type RunSpec = {
  kind: RunKind;
  writerId: string;
  testMode: boolean;
  triggeredById: string | null;
  total?: number | null;
  /** The drafting variants the run drafts as, shown with it on the Runs page. */
  variantIds?: string[];
};

/**
 * Starts a run unless one of the same kind is already running for this writer and mode. The check
 * and the insert sit under one transaction-scoped advisory lock, so two starts at once cannot both
 * pass; a run left "running" by a crashed process is marked failed first.
 */
export async function startExclusiveRun(db: DbClient, spec: RunSpec): Promise<{ id: string }> {
  const scope = `${spec.kind}:${spec.writerId}:${spec.testMode}`;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope}))`;
    await failAbandonedRuns(tx, spec);
    const running = await tx.jobRun.findFirst({
      where: { kind: spec.kind, writerId: spec.writerId, testMode: spec.testMode, state: "running" },
      select: { id: true, startedAt: true },
    });
    if (running) {
      throw new DomainError("conflict", `A ${spec.kind.replace("_", " ")} run is already in progress (run ${running.id}); wait for it to finish.`);
    }
    return createRunningRun(tx, spec);
  });
}

/**
 * Starts a run that may overlap others of its kind: for work whose items are claimed one by one in
 * the database (drafting), where two runs split the work instead of repeating it.
 */
export async function startRun(db: DbClient, spec: RunSpec): Promise<{ id: string }> {
  // Nothing here must commit together, so no transaction: a run starts in two round trips.
  await failAbandonedRuns(db, spec);
  return createRunningRun(db, spec);
}

/** A transaction, or the client itself where no transaction is needed. */
type Tx = Prisma.TransactionClient;

async function failAbandonedRuns(tx: Tx, spec: RunSpec): Promise<void> {
  await tx.jobRun.updateMany({
    where: {
      kind: spec.kind,
      writerId: spec.writerId,
      testMode: spec.testMode,
      state: "running",
      heartbeatAt: { lt: new Date(Date.now() - STALE_RUN_MS) },
    },
    data: {
      state: "failed",
      finishedAt: new Date(),
      errors: [{ at: new Date().toISOString(), message: "The process running this stopped without finishing it." }],
    },
  });
}

function createRunningRun(tx: Tx, spec: RunSpec): Promise<{ id: string }> {
  const now = new Date();
  return tx.jobRun.create({
    data: {
      kind: spec.kind,
      writerId: spec.writerId,
      testMode: spec.testMode,
      triggeredById: spec.triggeredById,
      total: spec.total ?? null,
      variantIds: spec.variantIds ?? [],
      state: "running",
      startedAt: now,
      heartbeatAt: now,
    },
    select: { id: true },
  });
}

/** Tells others the run is alive while it waits on something slow (a model call, a rate limit). */
export async function heartbeat(db: DbClient, runId: string): Promise<void> {
  await db.jobRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() }, select: { id: true } });
}

export async function reportProgress(
  db: DbClient,
  runId: string,
  progress: { progress: number; total?: number | null; counts: RunCounts },
): Promise<void> {
  await db.jobRun.update({
    where: { id: runId },
    data: { progress: progress.progress, total: progress.total, counts: progress.counts, heartbeatAt: new Date() },
  });
}

export async function finishRun(
  db: DbClient,
  runId: string,
  outcome: { state: "succeeded" | "failed" | "cancelled"; counts: RunCounts; errors: RunError[]; progress?: number },
): Promise<void> {
  await db.jobRun.update({
    where: { id: runId },
    data: { state: outcome.state, counts: outcome.counts, errors: outcome.errors, finishedAt: new Date(), heartbeatAt: new Date(), ...(outcome.progress === undefined ? {} : { progress: outcome.progress }) },
  });
}
