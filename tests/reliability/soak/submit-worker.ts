import { getDb } from "../../../lib/db";
import { DomainError } from "../../../lib/errors";
import { scriptedGateDeps } from "../../../lib/gates/test-support";
import { approveAndSubmit } from "../../../lib/submission/approve-and-submit";
import { reconcileSubmission, recoverStuckSubmissions } from "../../../lib/submission/reconcile";
import type { SubmissionDeps } from "../../../lib/submission/send";
import { createXClient, type XClient } from "../../../lib/x";
import { soakWorkerConfigSchema, type SoakWorkerEvent } from "./config";

/**
 * One "submit worker" of the fault soak: a process that does what the app's approvers and its
 * recovery job do, through the real code paths, until it is killed (SIGKILL, at random, by the
 * parent). Each round it picks one piece of work at random:
 *   - a ready draft      → approveAndSubmit (approve, freeze, send) as the approver who clicked;
 *   - an approved draft  → approveAndSubmit again (the re-click that sends a deferred submission);
 *   - needs_reconcile    → reconcileSubmission (read notes_written, adopt or send once more);
 *   - every few rounds   → recoverStuckSubmissions (sending for > 10 minutes → needs_reconcile).
 * The gates are scripted to pass: this soak is about the send state machine, not the checklist.
 */
const config = soakWorkerConfigSchema.parse(JSON.parse(process.env.SOAK_WORKER_CONFIG ?? "{}"));
process.env.DATABASE_URL = config.databaseUrl;

const actor = { id: config.actorId, name: config.actorName };
const gates = scriptedGateDeps().deps;
const clients = new Map<string, XClient>();
function depsFor(writerId: string): SubmissionDeps {
  let client = clients.get(writerId);
  if (!client) {
    const tokens = config.writers[writerId];
    if (!tokens) throw new Error(`no simulator credentials for writer ${writerId}`);
    client = createXClient({
      baseUrl: config.simulatorUrl,
      auth: { kind: "oauth1", consumerKey: config.consumerKey, consumerSecret: config.consumerSecret, ...tokens },
      timeoutMs: config.timeoutMs,
      retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 200 },
      maxRateLimitWaitMs: 1_500,
    });
    clients.set(writerId, client);
  }
  return { sender: client, gates };
}

let state = config.seed >>> 0;
const random = () => {
  state = (state * 1_664_525 + 1_013_904_223) >>> 0;
  return state / 2 ** 32;
};

function emit(event: SoakWorkerEvent) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

type Work = { draftId: string; version: number; state: string; writerId: string; submissionId: string | null };

async function nextWork(): Promise<Work | null> {
  const prefix = `${config.postIdPrefix ?? ""}%`;
  // Mostly new approvals, sometimes the leftovers, so every kind of work runs concurrently.
  const wanted = random() < 0.7 ? ["ready"] : ["approved", "needs_reconcile"];
  const [row] = await getDb().$queryRaw<Work[]>`
    SELECT d.id AS "draftId", d.version, d.state::text AS state, d.writer_id AS "writerId", s.id AS "submissionId"
    FROM drafts d LEFT JOIN submissions s ON s.draft_id = d.id
    WHERE d.state::text = ANY(${wanted}) AND d.post_id LIKE ${prefix}
    ORDER BY random() LIMIT 1`;
  return row ?? null;
}

async function round(n: number): Promise<boolean> {
  if (n % 10 === 0) {
    const recovered = await recoverStuckSubmissions();
    if (recovered.length) emit({ task: "recover", result: `${recovered.length}` });
  }
  const work = await nextWork();
  if (!work) return false;
  const deps = depsFor(work.writerId);
  if (work.state === "needs_reconcile" && work.submissionId) {
    const outcome = await reconcileSubmission(work.submissionId, deps, actor);
    emit({ task: "reconcile", result: outcome.submission.state });
  } else {
    const outcome = await approveAndSubmit(work.draftId, work.version, actor, deps);
    emit({ task: work.state === "ready" ? "approve" : "send", result: outcome.submission.state });
  }
  return true;
}

async function main() {
  await getDb().$queryRaw`SELECT 1`;
  emit({ task: "ready", result: "up" });
  for (let n = 0; ; n++) {
    try {
      const worked = await round(n);
      if (!worked) await new Promise((resolve) => setTimeout(resolve, 50));
    } catch (error) {
      // Lost races and X being down are answers, not failures: the work stays for someone else.
      if (error instanceof DomainError) emit({ task: "approve", result: `refused:${error.code}` });
      else {
        process.stderr.write(`[soak worker ${config.actorName}] unexpected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        emit({ task: "approve", result: "unexpected" });
      }
    }
  }
}

void main();
