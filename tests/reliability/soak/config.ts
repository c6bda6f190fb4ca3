import { z } from "zod";

/** What the soak's parent tells each submit-worker process (as JSON in SOAK_WORKER_CONFIG). */
export const soakWorkerConfigSchema = z.object({
  databaseUrl: z.string(),
  simulatorUrl: z.string(),
  consumerKey: z.string(),
  consumerSecret: z.string(),
  /** DB writer id → the simulator writer's OAuth 1.0a user tokens. */
  writers: z.record(z.string(), z.object({ accessToken: z.string(), accessTokenSecret: z.string() })),
  /** The user this incarnation acts as: the audit trail then says which process claimed a send. */
  actorId: z.string(),
  actorName: z.string(),
  seed: z.number().int(),
  /** Per X request; a fault that never answers costs this much. */
  timeoutMs: z.number().int().positive(),
  /** Only drafts of this set (the soak's own). */
  postIdPrefix: z.string().optional(),
});

export type SoakWorkerConfig = z.infer<typeof soakWorkerConfigSchema>;

/** One line per finished task, on stdout, for the parent's tally. */
export type SoakWorkerEvent = { task: "ready" | "approve" | "send" | "reconcile" | "recover"; result: string };
