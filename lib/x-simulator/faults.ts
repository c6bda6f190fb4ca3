import { z } from "zod";

import { seededRandom, type Random } from "./random";

export const simRoutes = ["eligible_posts", "create_note", "notes_written", "evaluate_note", "delete_note"] as const;
export type SimRoute = (typeof simRoutes)[number];

const faultSchema = z.discriminatedUnion("kind", [
  /** Delays the answer, then answers normally. */
  z.object({ kind: z.literal("latency"), ms: z.number().int().min(0).max(120_000) }),
  z.object({
    kind: z.literal("server_error"),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
  }),
  /** Never answers: the connection stays open until the client gives up. */
  z.object({ kind: z.literal("timeout") }),
  /** Destroys the socket without an answer. */
  z.object({ kind: z.literal("drop_connection") }),
  /** 2xx with a body that is not JSON (truncated) or fits no documented shape. */
  z.object({ kind: z.literal("malformed_body"), form: z.enum(["truncated_json", "wrong_shape"]).default("wrong_shape") }),
  z.object({ kind: z.literal("rate_limited"), resetInSeconds: z.number().int().min(0).default(60) }),
  /** The request takes effect (a note is created or deleted), then its answer is lost. */
  z.object({
    kind: z.literal("fail_after_commit"),
    then: z.enum(["drop_connection", "timeout", "server_error"]).default("drop_connection"),
  }),
]);

const scheduleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("once") }),
  /** Every n-th matching request (n = 1: all of them). */
  z.object({ kind: z.literal("every"), n: z.number().int().min(1) }),
  z.object({ kind: z.literal("random"), probability: z.number().min(0).max(1), seed: z.number().int() }),
]);

export const faultRuleSchema = z
  .object({
    route: z.enum([...simRoutes, "*"]),
    fault: faultSchema,
    schedule: scheduleSchema.default({ kind: "once" }),
  })
  .strict();

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;
export type Fault = FaultRule["fault"];
export type Failure = Exclude<Fault, { kind: "latency" }>;

type ActiveRule = { id: string; rule: FaultRule; seen: number; random: Random | null };

export class FaultBoard {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** Throws a ZodError when the rule is invalid. */
  add(input: FaultRuleInput): string {
    const rule = faultRuleSchema.parse(input);
    const id = `fault-${this.nextId++}`;
    this.rules.push({ id, rule, seen: 0, random: rule.schedule.kind === "random" ? seededRandom(rule.schedule.seed) : null });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): { id: string; rule: FaultRule; seen: number }[] {
    return this.rules.map(({ id, rule, seen }) => ({ id, rule, seen }));
  }

  /** What happens to this request: added latency, and at most one failure (the first rule that fires). */
  draw(route: SimRoute): { latencyMs: number; failure: Failure | null } {
    let latencyMs = 0;
    let failure: Failure | null = null;
    for (const active of [...this.rules]) {
      if (active.rule.route !== "*" && active.rule.route !== route) continue;
      active.seen += 1;
      if (!this.fires(active)) continue;
      if (active.rule.schedule.kind === "once") this.remove(active.id);
      if (active.rule.fault.kind === "latency") latencyMs += active.rule.fault.ms;
      else failure ??= active.rule.fault;
    }
    return { latencyMs, failure };
  }

  private fires(active: ActiveRule): boolean {
    const { schedule } = active.rule;
    if (schedule.kind === "once") return true;
    if (schedule.kind === "every") return active.seen % schedule.n === 0;
    return (active.random as Random).chance(schedule.probability);
  }
}
