import { Authenticator, type SimApp, type SimWriter } from "./authenticate";
import { SimClock } from "./clock";
import { demoCredentials } from "./credentials";
import { buildDemoData } from "./demo-data/build";
import type { DemoDataSet, DemoPost } from "./demo-data/types";
import { FaultBoard, type SimRoute } from "./faults";
import { releasedLivePosts } from "./feed";
import { Notebook } from "./notebook";
import type { ResolvedOptions } from "./options";
import { RateLimiter } from "./rate-limits";
import type { ResponseVariants } from "./variants";

export type RequestLogEntry = {
  at: string;
  method: string;
  path: string;
  route: SimRoute | null;
  writerId: string | null;
  /** The HTTP status sent, or what happened instead. */
  outcome: number | "dropped" | "timeout";
  fault: string | null;
  /** Why authentication failed, e.g. the expected OAuth base string. */
  note: string | null;
  /** The request body exactly as it arrived (null when empty), so a test can compare it with what a person confirmed. */
  body: string | null;
};

/** Everything the simulator knows; `reset()` returns it to how it started. */
export class SimulatorState {
  readonly data: DemoDataSet;
  readonly clock: SimClock;
  readonly notebook = new Notebook();
  readonly faults = new FaultBoard();
  readonly rateLimiter: RateLimiter;
  readonly authenticator: Authenticator;
  app!: SimApp;
  writers!: SimWriter[];
  variants!: ResponseVariants;
  requestLog: RequestLogEntry[] = [];

  constructor(readonly options: ResolvedOptions) {
    this.data = buildDemoData(options.seed, options.datedAsOf);
    this.clock = new SimClock(options.now);
    this.rateLimiter = new RateLimiter(options.rateLimits);
    this.authenticator = new Authenticator({
      app: () => this.app,
      writers: () => this.writers,
      wallNow: () => this.clock.wallNow(),
      appOnlyBearerToken: demoCredentials.appOnlyBearerToken,
      timestampWindowSeconds: options.oauthTimestampWindowSeconds,
    });
    this.reset();
  }

  reset(): void {
    this.app = { ...this.options.app };
    this.writers = this.options.writers.map((w) => ({ ...w }));
    this.variants = { ...this.options.variants };
    this.requestLog = [];
    this.clock.reset();
    this.notebook.clear();
    this.rateLimiter.reset();
    this.authenticator.reset();
    this.faults.clear();
    for (const rule of this.options.faults) this.faults.add(rule);
  }

  writer(id: string): SimWriter {
    const writer = this.writers.find((w) => w.id === id);
    if (!writer) throw new Error(`No simulated writer ${id}; known: ${this.writers.map((w) => w.id).join(", ")}`);
    return writer;
  }

  /** A post a note may be written on in this mode: the test feed, or the live feed released so far. */
  notablePost(testMode: boolean, postId: string): DemoPost | undefined {
    const pool = testMode ? this.data.testFeed : releasedLivePosts(this.data, this.clock.elapsedMs());
    return pool.find((p) => p.id === postId);
  }

  log(entry: Omit<RequestLogEntry, "at">): void {
    this.requestLog.push({ at: new Date(this.clock.wallNow()).toISOString(), ...entry });
    this.options.log(
      `${entry.method} ${entry.path} → ${entry.outcome}${entry.fault ? ` [fault: ${entry.fault}]` : ""}${entry.note ? ` (${entry.note})` : ""}`,
    );
  }
}
