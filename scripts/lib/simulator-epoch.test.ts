import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { ScriptError } from "./main";
import { simulatorEpoch } from "./simulator-epoch";

const root = await mkdtemp(join(tmpdir(), "notedesk-epoch-"));
afterAll(() => rm(root, { recursive: true, force: true }));

const FIRST_START = Date.UTC(2026, 10, 21, 11, 14, 15);
const LATER = FIRST_START + 3 * 86_400_000;
const at = (ms: number) => () => ms;

describe("simulatorEpoch", () => {
  it("is the first start's moment, written down, and read back on the runs after", async () => {
    const file = join(root, "fresh", "simulator-epoch");
    expect(simulatorEpoch(false, file, at(FIRST_START))).toBe(FIRST_START);
    expect(await readFile(file, "utf8")).toBe("2026-11-21T11:14:15.000Z\n");
    expect(simulatorEpoch(true, file, at(LATER))).toBe(FIRST_START);
    expect(simulatorEpoch(true, file, at(LATER + 1))).toBe(FIRST_START);
  });

  it("moves to now while the database holds no posts, say after .data/postgres was deleted", () => {
    const file = join(root, "emptied");
    simulatorEpoch(false, file, at(FIRST_START));
    expect(simulatorEpoch(false, file, at(LATER))).toBe(LATER);
    expect(simulatorEpoch(true, file, at(LATER + 1))).toBe(LATER);
  });

  it("keeps the fixed dates for a database filled before the demo dated its posts", async () => {
    const file = join(root, "older-checkout");
    expect(simulatorEpoch(true, file, at(LATER))).toBeUndefined();
    await expect(readFile(file, "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("accepts a date fixed by hand, with an offset", async () => {
    const file = join(root, "by-hand");
    await writeFile(file, "2026-11-21T12:14:15+01:00");
    expect(simulatorEpoch(true, file, at(LATER))).toBe(FIRST_START);
  });

  it("says what to do when the file holds something else", async () => {
    const file = join(root, "garbage");
    await writeFile(file, "last tuesday\n");
    expect(() => simulatorEpoch(true, file, at(LATER))).toThrow(ScriptError);
    expect(() => simulatorEpoch(true, file, at(LATER))).toThrow(/holds "last tuesday".*delete it together with \.data\/postgres/);
  });
});
