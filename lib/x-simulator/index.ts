/**
 * A local, faithful stand-in for X's AI Note Writer API: the five endpoints, OAuth checks, rate limits,
 * evaluator scoring, statuses over simulated time and switchable faults. See docs/x-simulator.md.
 */
export { startXSimulator, type XSimulator } from "./server";
export type { XSimulatorOptions, SimWriterConfig } from "./options";
export type { SimulatorControl, SimulatorSnapshot, SimNoteView } from "./control";
export type { RequestLogEntry } from "./state";
export { demoCredentials } from "./credentials";
export { simRoutes, type SimRoute, type FaultRuleInput, type FaultRule } from "./faults";
export { defaultVariants, type ResponseVariants } from "./variants";
export type { RateLimits } from "./rate-limits";
export { statusTimeline } from "./note-status";
export { claimOpinionScore, type NoteScores } from "./scoring";
export type { DemoPost, DemoMedia, DemoUser } from "./demo-data/types";
