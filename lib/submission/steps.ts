/**
 * Where approve-and-submit spends its time: a caller that passes a log (bench/queue's breakdown)
 * gets each step's start and end; without one nothing is timed.
 */
export type StepLog = { step: SubmissionStepName; start: number; end: number }[];

export const submissionStepNames = [
  "checks before approval",
  "approve and claim the send, one transaction",
  "approve: freeze the request and its gate pass",
  "read the frozen request, verify its hash",
  "gates at send",
  "claim the send (budget lock)",
  "POST /2/notes",
  "record X's answer, read the outcome",
] as const;
export type SubmissionStepName = (typeof submissionStepNames)[number];

export async function timed<T>(log: StepLog | undefined, step: SubmissionStepName, work: () => Promise<T>): Promise<T> {
  if (!log) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    log.push({ step, start, end: performance.now() });
  }
}
