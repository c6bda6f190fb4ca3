import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

import { Prisma, type DbClient } from "../../../lib/db";
import { DomainError } from "../../../lib/errors";
import { scriptedGateDeps } from "../../../lib/gates/test-support";
import { approveAndSubmit } from "../../../lib/submission/approve-and-submit";
import { reconcileSubmission, recoverStuckSubmissions, STUCK_AFTER_MINUTES } from "../../../lib/submission/reconcile";
import type { SubmissionDeps } from "../../../lib/submission/send";
import { createXClient } from "../../../lib/x";
import { goodNoteText } from "../../../lib/x/test-support";
import { demoCredentials, startXSimulator, type FaultRuleInput, type XSimulator } from "../../../lib/x-simulator";
import { seedDraft, validNote } from "../../support/fixtures/review";
import type { SoakWorkerConfig, SoakWorkerEvent } from "./config";

/**
 * The fault soak (issue #7): N approvals through the real approve → send → reconcile path, by
 * submit-worker processes that are SIGKILLed and restarted at random, against the X simulator
 * injecting timeouts, 5xx, 429s, dropped connections, malformed bodies and "created, then the answer
 * was lost". Afterwards everything left is recovered and reconciled until quiet, and the simulator's
 * notes are counted against the approvals.
 */
export type SoakOptions = {
  databaseUrl: string;
  db: DbClient;
  approvals: number;
  workers: number;
  seed: number;
  /** A worker is killed after this many finished tasks (drawn per incarnation), or this long, whichever comes first. */
  killAfterTasks: [number, number];
  killAfterMs: [number, number];
  /** Per X request. */
  timeoutMs: number;
  /** Give up on the chaos phase after this long (the drain still runs). */
  deadlineMs: number;
  log?: (line: string) => void;
};

export type SoakFigures = {
  approvals: number;
  notesCreated: number;
  /** Notes beyond the first on any (writer, post, mode), plus create calls X refused as duplicates. */
  duplicates: number;
  duplicateNotes: number;
  duplicateCreateRefusals: number;
  lost: number;
  /** Submissions whose recorded X note id is not the note the simulator holds. */
  mismatched: number;
  /** Simulator notes on posts nobody approved. */
  strayNotes: number;
  kills: number;
  workerIncarnations: number;
  createRequests: number;
  faultsInjected: Record<string, number>;
  workerTasks: Record<string, number>;
  auditSteps: Record<string, number>;
  unexpectedErrors: number;
  /** Sends a killed process had claimed and not finished: left "sending", found by recoverStuckSubmissions. */
  sendsCutByKills: number;
  drainRounds: number;
  chaosMs: number;
  totalMs: number;
  writers: number;
};

const POSTS_PER_WRITER = 100;

/** Random faults on every X endpoint the send path uses, each from its own seeded stream. */
export function soakFaults(seed: number): FaultRuleInput[] {
  const random = (probability: number, offset: number) => ({ kind: "random" as const, probability, seed: seed + offset });
  return [
    { route: "create_note", fault: { kind: "timeout" }, schedule: random(0.04, 1) },
    { route: "create_note", fault: { kind: "server_error", status: 503 }, schedule: random(0.03, 2) },
    { route: "create_note", fault: { kind: "server_error", status: 500 }, schedule: random(0.02, 3) },
    { route: "create_note", fault: { kind: "rate_limited", resetInSeconds: 1 }, schedule: random(0.05, 4) },
    { route: "create_note", fault: { kind: "drop_connection" }, schedule: random(0.04, 5) },
    { route: "create_note", fault: { kind: "malformed_body", form: "wrong_shape" }, schedule: random(0.03, 6) },
    { route: "create_note", fault: { kind: "malformed_body", form: "truncated_json" }, schedule: random(0.03, 7) },
    { route: "create_note", fault: { kind: "fail_after_commit", then: "drop_connection" }, schedule: random(0.04, 8) },
    { route: "create_note", fault: { kind: "fail_after_commit", then: "timeout" }, schedule: random(0.03, 9) },
    { route: "create_note", fault: { kind: "fail_after_commit", then: "server_error" }, schedule: random(0.03, 10) },
    { route: "notes_written", fault: { kind: "timeout" }, schedule: random(0.03, 11) },
    { route: "notes_written", fault: { kind: "server_error", status: 502 }, schedule: random(0.05, 12) },
    { route: "notes_written", fault: { kind: "drop_connection" }, schedule: random(0.03, 13) },
    { route: "notes_written", fault: { kind: "malformed_body", form: "truncated_json" }, schedule: random(0.03, 14) },
    { route: "notes_written", fault: { kind: "rate_limited", resetInSeconds: 1 }, schedule: random(0.03, 15) },
  ];
}

type Writer = { dbId: string; simId: string; accessToken: string; accessTokenSecret: string };

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const { db } = options;
  const writerCount = Math.ceil(options.approvals / POSTS_PER_WRITER);
  const simWriters = Array.from({ length: writerCount }, (_, i) => {
    const id = String(1_700_000_000_000_000_100n + BigInt(i));
    return { id, username: `soak_writer_${i}`, accessToken: `${id}-soak-token-${i}`, accessTokenSecret: `soak-secret-${i}` };
  });
  const sim: XSimulator = await startXSimulator({
    port: 0,
    writers: simWriters,
    rateLimits: { requestsPerWindow: 1_000_000_000, notesPerDay: 1_000_000_000 },
    faults: soakFaults(options.seed),
  });

  const children = new Set<ChildProcess>();
  try {
    // Writers and drafts: one draft per (writer, post), each post from the simulator's test feed.
    const postIds = sim.control
      .posts(true)
      .filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"))
      .map((p) => p.id)
      .slice(0, POSTS_PER_WRITER);
    if (postIds.length < Math.min(POSTS_PER_WRITER, options.approvals)) throw new Error(`the simulator offers only ${postIds.length} posts`);
    const writers: Writer[] = [];
    for (const [i, w] of simWriters.entries()) {
      const row = await db.writer.create({ data: { name: `soak writer ${i}`, testMode: true }, select: { id: true } });
      writers.push({ dbId: row.id, simId: w.id, accessToken: w.accessToken, accessTokenSecret: w.accessTokenSecret });
    }
    const approvalsWanted: { writer: Writer; postId: string }[] = [];
    for (let n = 0; n < options.approvals; n++) {
      const writer = writers[Math.floor(n / POSTS_PER_WRITER)] as Writer;
      const postId = postIds[n % POSTS_PER_WRITER] as string;
      await seedDraft(db, { writerId: writer.dbId, postId, note: validNote({ text: goodNoteText, misleadingTags: ["factual_error"] }) });
      approvalsWanted.push({ writer, postId });
    }
    log(`[soak] ${options.approvals} drafts for ${writers.length} writer(s) seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Workers: processes killed at random, each incarnation acting as its own approver.
    const tasks: Record<string, number> = {};
    let unexpected = 0;
    let incarnations = 0;
    let kills = 0;
    let rng = options.seed >>> 0;
    const random = () => {
      rng = (rng * 1_664_525 + 1_013_904_223) >>> 0;
      return rng / 2 ** 32;
    };
    const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
    const deadActors: string[] = [];
    let sendsCutByKills = 0;

    const spawnWorker = async (): Promise<void> => {
      incarnations += 1;
      const actor = await db.user.create({ data: { email: `soak-${incarnations}-${Date.now()}@soak.test`, name: `Soak worker ${incarnations}`, passwordHash: "-", role: "approver" }, select: { id: true, name: true } });
      const config: SoakWorkerConfig = {
        databaseUrl: options.databaseUrl,
        simulatorUrl: sim.url,
        consumerKey: demoCredentials.app.consumerKey,
        consumerSecret: demoCredentials.app.consumerSecret,
        writers: Object.fromEntries(writers.map((w) => [w.dbId, { accessToken: w.accessToken, accessTokenSecret: w.accessTokenSecret }])),
        actorId: actor.id,
        actorName: actor.name,
        seed: options.seed + incarnations * 7919,
        timeoutMs: options.timeoutMs,
      };
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("tests/reliability/soak/submit-worker.ts")], {
        env: { ...process.env, SOAK_WORKER_CONFIG: JSON.stringify(config) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.add(child);
      const killAfterTasks = between(options.killAfterTasks);
      // The clock starts once the process is up (imports loaded, database reached): on a busy
      // machine start-up alone can take seconds, and a worker killed before it worked tests nothing.
      let killTimer: NodeJS.Timeout | undefined;
      const killAfterMs = between(options.killAfterMs);
      let done = 0;
      let killed = false;
      const kill = async () => {
        if (killed || child.exitCode !== null) return;
        killed = true;
        clearTimeout(killTimer);
        kills += 1;
        child.kill("SIGKILL");
      };
      createInterface({ input: child.stdout! }).on("line", (line) => {
        try {
          const event = JSON.parse(line) as SoakWorkerEvent;
          if (event.task === "ready") {
            killTimer = setTimeout(() => void kill(), killAfterMs);
            return;
          }
          const key = `${event.task}:${event.result}`;
          tasks[key] = (tasks[key] ?? 0) + 1;
          if (event.result === "unexpected") unexpected += 1;
        } catch {
          return;
        }
        done += 1;
        if (done >= killAfterTasks) void kill();
      });
      createInterface({ input: child.stderr! }).on("line", (line) => log(`[soak worker ${incarnations}] ${line}`));
      child.once("exit", () => {
        clearTimeout(killTimer);
        children.delete(child);
        deadActors.push(actor.id);
        void afterDeath();
      });
    };

    let chaos = true;
    const afterDeath = async () => {
      // Whatever a dead process had claimed is stuck in "sending": as if the ten minutes had passed.
      await new Promise((resolve) => setTimeout(resolve, 150));
      sendsCutByKills += await ageStuckSends(db, deadActors.splice(0));
      if (chaos) await spawnWorker();
    };

    for (let i = 0; i < options.workers; i++) await spawnWorker();
    const chaosStarted = Date.now();
    while (Date.now() - chaosStarted < options.deadlineMs) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const ready = await db.draft.count({ where: { state: "ready" } });
      if (ready === 0) break;
    }
    chaos = false;
    const chaosMs = Date.now() - chaosStarted;
    for (const child of children) child.kill("SIGKILL");
    while (children.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 300));
    log(`[soak] chaos phase: ${(chaosMs / 1000).toFixed(1)} s, ${kills} kills, ${incarnations} worker incarnations`);

    // Drain: X recovers; every dead claim is stuck; recover and reconcile until nothing is left.
    sim.control.clearFaults();
    const drainActor = await db.user.create({ data: { email: `soak-drain-${Date.now()}@soak.test`, name: "Soak drain", passwordHash: "-", role: "approver" }, select: { id: true, name: true } });
    const depsByWriter = new Map<string, SubmissionDeps>(
      writers.map((w) => [
        w.dbId,
        {
          sender: createXClient({ baseUrl: sim.url, auth: { kind: "oauth1", consumerKey: demoCredentials.app.consumerKey, consumerSecret: demoCredentials.app.consumerSecret, accessToken: w.accessToken, accessTokenSecret: w.accessTokenSecret }, timeoutMs: options.timeoutMs }),
          gates: scriptedGateDeps().deps,
        },
      ]),
    );
    let drainRounds = 0;
    for (; drainRounds < 30; drainRounds++) {
      await db.$executeRaw`UPDATE submissions SET updated_at = updated_at - make_interval(mins => ${STUCK_AFTER_MINUTES + 1}) WHERE state = 'sending'`;
      await recoverStuckSubmissions();
      const open = await db.$queryRaw<{ draftId: string; version: number; state: string; writerId: string; submissionId: string | null }[]>`
        SELECT d.id AS "draftId", d.version, d.state::text AS state, d.writer_id AS "writerId", s.id AS "submissionId"
        FROM drafts d LEFT JOIN submissions s ON s.draft_id = d.id
        WHERE d.state IN ('ready', 'approved', 'submitting', 'needs_reconcile')`;
      if (open.length === 0) break;
      for (const work of open) {
        const deps = depsByWriter.get(work.writerId) as SubmissionDeps;
        try {
          if (work.state === "needs_reconcile" && work.submissionId) await reconcileSubmission(work.submissionId, deps, drainActor);
          else if (work.state !== "submitting") await approveAndSubmit(work.draftId, work.version, drainActor, deps);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }

    // Count: the simulator's notes against the approvals.
    const notes = sim.control.notes().filter((n) => !n.deleted);
    const notesByKey = new Map<string, string[]>();
    for (const note of notes) {
      const key = `${note.writerId}:${note.postId}:${note.testMode}`;
      notesByKey.set(key, [...(notesByKey.get(key) ?? []), note.id]);
    }
    const submissions = await db.submission.findMany({ select: { writerId: true, postId: true, testMode: true, state: true, xNoteId: true } });
    const simIdOf = new Map(writers.map((w) => [w.dbId, w.simId]));
    let lost = 0;
    let mismatched = 0;
    const approvedKeys = new Set<string>();
    for (const submission of submissions) {
      const key = `${simIdOf.get(submission.writerId)}:${submission.postId}:${submission.testMode}`;
      approvedKeys.add(key);
      const onX = notesByKey.get(key) ?? [];
      if (onX.length === 0 || submission.state !== "succeeded") lost += 1;
      else if (!onX.includes(submission.xNoteId ?? "")) mismatched += 1;
    }
    lost += approvalsWanted.length - submissions.length;
    const duplicateNotes = [...notesByKey.values()].reduce((sum, ids) => sum + Math.max(0, ids.length - 1), 0);
    const strayNotes = [...notesByKey.keys()].filter((key) => !approvedKeys.has(key)).length;
    const requests = sim.control.requests();
    const createRequests = requests.filter((r) => r.route === "create_note");
    const duplicateCreateRefusals = createRequests.filter((r) => r.outcome === 403).length;
    const faultsInjected: Record<string, number> = {};
    for (const request of requests) if (request.fault) faultsInjected[`${request.route}:${request.fault}`] = (faultsInjected[`${request.route}:${request.fault}`] ?? 0) + 1;
    const steps = await db.auditEvent.groupBy({ by: ["action"], where: { action: { startsWith: "submission." } }, _count: true });

    return {
      approvals: submissions.length,
      notesCreated: notes.length,
      duplicates: duplicateNotes + duplicateCreateRefusals,
      duplicateNotes,
      duplicateCreateRefusals,
      lost,
      mismatched,
      strayNotes,
      kills,
      workerIncarnations: incarnations,
      createRequests: createRequests.length,
      faultsInjected,
      workerTasks: tasks,
      auditSteps: Object.fromEntries(steps.map((s) => [s.action, s._count])),
      unexpectedErrors: unexpected,
      sendsCutByKills,
      drainRounds,
      chaosMs,
      totalMs: Date.now() - started,
      writers: writers.length,
    };
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await sim.stop();
  }
}

/** Sends last claimed by one of these (now dead) processes: age them past the stuck threshold. */
async function ageStuckSends(db: DbClient, deadActors: string[]): Promise<number> {
  if (deadActors.length === 0) return 0;
  return db.$executeRaw`
    UPDATE submissions s SET updated_at = s.updated_at - make_interval(mins => ${STUCK_AFTER_MINUTES + 1})
    WHERE s.state = 'sending'
      AND (SELECT a.actor_id FROM audit_events a
           WHERE a.subject_type = 'submission' AND a.subject_id = s.id AND a.action = 'submission.claimSend'
           ORDER BY a.id DESC LIMIT 1) IN (${Prisma.join(deadActors)})`;
}

export function formatSoak(f: SoakFigures): string {
  const faults = Object.entries(f.faultsInjected).sort().map(([k, v]) => `${k} ${v}`).join(", ");
  const tasks = Object.entries(f.workerTasks).sort().map(([k, v]) => `${k} ${v}`).join(", ");
  const steps = Object.entries(f.auditSteps).sort().map(([k, v]) => `${k.replace("submission.", "")} ${v}`).join(", ");
  return [
    `approvals ${f.approvals} · notes created on the simulator ${f.notesCreated} · duplicates ${f.duplicates} (extra notes ${f.duplicateNotes}, create calls refused as duplicate ${f.duplicateCreateRefusals}) · lost approvals ${f.lost} · id mismatches ${f.mismatched} · stray notes ${f.strayNotes}`,
    `writers ${f.writers} · workers killed ${f.kills} (SIGKILL), incarnations ${f.workerIncarnations}, sends cut mid-flight ${f.sendsCutByKills} · POST /2/notes calls ${f.createRequests} · unexpected errors ${f.unexpectedErrors} · drain rounds ${f.drainRounds} · chaos ${(f.chaosMs / 1000).toFixed(1)} s, total ${(f.totalMs / 1000).toFixed(1)} s`,
    `faults injected: ${faults}`,
    `worker tasks: ${tasks}`,
    `submission steps (audit): ${steps}`,
  ].join("\n");
}
