import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

import { DATA_DIR } from "./launch";
import { ScriptError } from "./main";
import { withClient } from "./postgres";

export const SIMULATOR_EPOCH_FILE = path.join(DATA_DIR, "simulator-epoch");

/** One ISO 8601 moment, as written: readable, and fixable by hand. */
const storedEpoch = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

/**
 * The moment the demo dates the simulator's posts as of (`datedAsOf`, docs/x-simulator.md), so their
 * ages look like a fresh feed's. The database keeps the posts it pulled by id and another moment means
 * other ids, the whole feed a second time, so the moment changes only while the database holds no
 * posts: then it is now, kept in `.data/simulator-epoch` for the runs after. A database that holds
 * posts but no stored moment was filled before the demo dated its posts: it keeps the fixed dates.
 */
export function simulatorEpoch(databaseHoldsPosts: boolean, file = SIMULATOR_EPOCH_FILE, now = Date.now): number | undefined {
  if (!databaseHoldsPosts) {
    const epoch = now();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${new Date(epoch).toISOString()}\n`);
    return epoch;
  }
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8").trim();
  const stored = storedEpoch.safeParse(text);
  if (!stored.success) {
    throw new ScriptError(
      `${path.relative(process.cwd(), file)} should hold the date the demo's posts are dated as of, like 2026-11-21T11:14:15.000Z, but holds "${text.slice(0, 40)}". ` +
        "Put the date back, or delete it together with .data/postgres to start the demo afresh.",
    );
  }
  return stored.data;
}

/** Whether this database holds pulled posts already (the demo's, from an earlier run). */
export async function holdsPosts(databaseUrl: string): Promise<boolean> {
  const { rows } = await withClient(databaseUrl, (client) => client.query<{ held: boolean }>("SELECT EXISTS (SELECT 1 FROM posts) AS held"));
  return rows[0]?.held === true;
}
