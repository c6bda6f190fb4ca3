import { afterAll, expect, it } from "vitest";

import { createTestDatabase } from "@/tests/support/db";

import { formatSoak, runSoak } from "./soak/harness";

/**
 * Issue #7, fault soak — the short version CI runs: 50 approvals, three submit-worker processes
 * SIGKILLed and restarted at random, X faults on every call. `npm run soak` runs the full 1,000.
 */
const t = await createTestDatabase();
afterAll(() => t.drop());

it("50 approvals under random X faults and worker kills: exactly one note each, none lost", async () => {
  const figures = await runSoak({
    databaseUrl: t.url,
    db: t.db,
    approvals: 50,
    workers: 3,
    seed: 20_261_121,
    killAfterTasks: [4, 12],
    killAfterMs: [1_000, 4_000],
    timeoutMs: 1_500,
    deadlineMs: 90_000,
    log: (line) => console.log(line),
  });
  console.log(`[soak] ${formatSoak(figures)}`);
  expect(figures.kills).toBeGreaterThanOrEqual(3);
  expect(figures.approvals).toBe(50);
  expect(figures.notesCreated).toBe(50);
  expect(figures.duplicates).toBe(0);
  expect(figures.lost).toBe(0);
  expect(figures.mismatched).toBe(0);
  expect(figures.strayNotes).toBe(0);
  expect(figures.unexpectedErrors).toBe(0);
}, 240_000);
