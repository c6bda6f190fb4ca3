import { parseArgs } from "node:util";

import { z } from "zod";

import { scratchDatabase } from "../bench/lib/scratch-database";
import { formatSoak, runSoak } from "../tests/reliability/soak/harness";
import { runMain, ScriptError } from "./lib/main";

/**
 * `npm run soak` (issue #7): the fault soak at full size — 1,000 approvals by submit-worker processes
 * SIGKILLed and restarted at random while the X simulator injects timeouts, 5xx, 429s, dropped
 * connections, malformed bodies and lost answers — on a scratch database of its own. Prints
 * approvals, notes created on the simulator, duplicates and lost approvals; exits 1 unless it is
 * exactly one note per approval. CI runs the 50-approval version (tests/reliability/soak.int.test.ts).
 *
 *   npm run soak -- --approvals 1000 --workers 4 --seed 20261121
 */
runMain(async () => {
  const { values } = parseArgs({
    options: {
      approvals: { type: "string", default: "1000" },
      workers: { type: "string", default: "4" },
      seed: { type: "string", default: "20261121" },
      "timeout-ms": { type: "string", default: "1500" },
      "deadline-minutes": { type: "string", default: "30" },
    },
  });
  const int = z.coerce.number().int().positive();
  const approvals = int.parse(values.approvals);
  const scratch = await scratchDatabase("soak");
  try {
    console.log(`Soak: ${approvals} approvals, ${values.workers} workers killed at random, seed ${values.seed}…`);
    const figures = await runSoak({
      databaseUrl: scratch.url,
      db: scratch.db,
      approvals,
      workers: int.parse(values.workers),
      seed: int.parse(values.seed),
      killAfterTasks: [4, 30],
      killAfterMs: [1_000, 8_000],
      timeoutMs: int.parse(values["timeout-ms"]),
      deadlineMs: int.parse(values["deadline-minutes"]) * 60_000,
      log: (line) => console.log(line),
    });
    console.log(`\n${formatSoak(figures)}\n`);
    const exact = figures.approvals === approvals && figures.notesCreated === approvals && figures.duplicates === 0 && figures.lost === 0 && figures.mismatched === 0 && figures.strayNotes === 0;
    console.log(`Goal — exactly one note per approval, 0 duplicates, 0 lost: ${exact ? "met" : "NOT met"}.`);
    if (!exact) throw new ScriptError("The soak found duplicates or lost approvals (figures above).");
  } finally {
    await scratch.drop();
  }
});
