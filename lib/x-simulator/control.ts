import type { DemoPost } from "./demo-data/types";
import type { FaultRule, FaultRuleInput } from "./faults";
import { releasedLivePosts } from "./feed";
import { productionStatus } from "./note-status";
import type { NoteScores } from "./scoring";
import type { RequestLogEntry, SimulatorState } from "./state";
import { responseVariantsSchema, type ResponseVariants } from "./variants";

export type SimNoteView = {
  id: string;
  writerId: string;
  postId: string;
  testMode: boolean;
  text: string;
  classification: string;
  misleadingTags: string[];
  trustworthySources: boolean;
  createdAt: string;
  deleted: boolean;
  /** What notes_written reports for production notes now; null for test notes. */
  status: string | null;
  scores: NoteScores;
};

export type SimulatorSnapshot = {
  wallClock: string;
  simulatedClock: string;
  app: { consumerKey: string; enrolled: boolean };
  writers: { id: string; username: string; admitted: boolean; noteWriter: boolean }[];
  variants: ResponseVariants;
  faults: { id: string; rule: FaultRule; seen: number }[];
  notes: number;
  feeds: { test: number; liveReleased: number; liveTotal: number };
};

/** What tests and e2e runs steer the simulator with, in-process or over HTTP under /_sim. */
export type SimulatorControl = {
  snapshot(): SimulatorSnapshot;
  /** Back to the start: no notes, no faults, initial variants and writers, clock and budgets reset. */
  reset(): void;
  /** Moves simulated time: notes age (scores, statuses) and the live feed grows. */
  advanceClock(ms: number): void;
  /** Lets the writer use test_mode=false. Default: the first writer. */
  admitWriter(writerId?: string): void;
  updateWriter(writerId: string, patch: { admitted?: boolean; noteWriter?: boolean }): void;
  /** false = every request gets X's 403 client-forbidden / client-not-enrolled. */
  setAppEnrolled(enrolled: boolean): void;
  addFault(rule: FaultRuleInput): string;
  removeFault(id: string): boolean;
  clearFaults(): void;
  setVariants(patch: Partial<ResponseVariants>): ResponseVariants;
  notes(): SimNoteView[];
  requests(): RequestLogEntry[];
  /** The posts a writer's feed can show, newest first (the live feed as released so far). */
  posts(testMode: boolean): DemoPost[];
};

export function createControl(state: SimulatorState): SimulatorControl {
  const firstWriterId = () => state.writers[0]?.id ?? "";
  return {
    snapshot: () => ({
      wallClock: new Date(state.clock.wallNow()).toISOString(),
      simulatedClock: new Date(state.clock.now()).toISOString(),
      app: { consumerKey: state.app.consumerKey, enrolled: state.app.enrolled },
      writers: state.writers.map(({ id, username, admitted, noteWriter }) => ({ id, username, admitted, noteWriter })),
      variants: { ...state.variants },
      faults: state.faults.list(),
      notes: state.notebook.all().length,
      feeds: {
        test: state.data.testFeed.length,
        liveReleased: releasedLivePosts(state.data, state.clock.elapsedMs()).length,
        liveTotal: state.data.liveFeed.length,
      },
    }),
    reset: () => state.reset(),
    advanceClock: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advanceClock needs a non-negative number of milliseconds");
      state.clock.advance(ms);
    },
    admitWriter: (writerId = firstWriterId()) => {
      state.writer(writerId).admitted = true;
    },
    updateWriter: (writerId, patch) => {
      Object.assign(state.writer(writerId), patch);
    },
    setAppEnrolled: (enrolled) => {
      state.app.enrolled = enrolled;
    },
    addFault: (rule) => state.faults.add(rule),
    removeFault: (id) => state.faults.remove(id),
    clearFaults: () => state.faults.clear(),
    setVariants: (patch) => {
      state.variants = responseVariantsSchema.parse({ ...state.variants, ...patch });
      return { ...state.variants };
    },
    notes: () =>
      state.notebook.all().map((note) => ({
        id: note.id,
        writerId: note.writerId,
        postId: note.postId,
        testMode: note.testMode,
        text: note.text,
        classification: note.classification,
        misleadingTags: note.misleadingTags,
        trustworthySources: note.trustworthySources,
        createdAt: new Date(note.createdAtMs).toISOString(),
        deleted: note.deletedAtMs !== null,
        status: note.testMode ? null : productionStatus(note.scores, state.clock.now() - note.createdAtMs),
        scores: note.scores,
      })),
    requests: () => [...state.requestLog],
    posts: (testMode) =>
      [...(testMode ? state.data.testFeed : releasedLivePosts(state.data, state.clock.elapsedMs()))].reverse(),
  };
}
