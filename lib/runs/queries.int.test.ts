import { afterAll, describe, expect, it } from "vitest";

import { seedFeed } from "@/lib/drafting/testing/feed-fixture";
import { ensureDefaultVariant } from "@/lib/variants/store";
import { createTestDatabase } from "@/tests/support/db";

import { parseRunsFilter } from "./filter";
import { runsSearch } from "./kinds";
import { listRecentRuns } from "./queries";
import { finishRun, startExclusiveRun, startRun } from "./store";

const t = await createTestDatabase();
afterAll(() => t.drop());

const pull = await seedFeed(t.db, [], "Pull writer");
const shadowed = await seedFeed(t.db, [], "Shadowed writer");
// A writer always has its one live variant; the shadow ones come beside it.
await ensureDefaultVariant(t.db, shadowed.writerId);
const variant = (name: string) =>
  t.db.draftingVariant.create({ data: { writerId: shadowed.writerId, name, promptVersion: "draft-v2", provider: "offline", temperature: 0.3, status: "shadow" } });
const [concise, terse] = [await variant("Concise"), await variant("Terse")];

const sync = await startExclusiveRun(t.db, { kind: "sync", ...pull, triggeredById: null });
await finishRun(t.db, sync.id, { state: "succeeded", counts: { new: 3 }, errors: [] });
const drafting = await startRun(t.db, { kind: "draft", ...shadowed, triggeredById: null });
await finishRun(t.db, drafting.id, { state: "succeeded", counts: { drafted: 2 }, errors: [] });
const shadow = await startExclusiveRun(t.db, { kind: "shadow", ...shadowed, triggeredById: null, variantIds: [concise.id, terse.id], total: 4 });

describe("the Runs page's list", () => {
  it("lists every kind, newest first, a shadow run with its variants by today's names", async () => {
    await t.db.draftingVariant.update({ where: { id: terse.id }, data: { name: "Terse v2" } });
    const runs = await listRecentRuns();
    expect(runs.map((r) => r.id)).toEqual([shadow.id, drafting.id, sync.id]);
    expect(runs[0]).toMatchObject({ kind: "shadow", state: "running", writerName: "Shadowed writer", variants: ["Concise", "Terse v2"], total: 4 });
    expect(runs[1]).toMatchObject({ kind: "draft", variants: [], counts: { drafted: 2 } });
  });

  it("filters by kind and by writer, together or apart", async () => {
    const ids = async (filter: Parameters<typeof listRecentRuns>[0]) => (await listRecentRuns(filter)).map((r) => r.id);
    expect(await ids({ kind: "shadow" })).toEqual([shadow.id]);
    expect(await ids({ writer: shadowed.writerId })).toEqual([shadow.id, drafting.id]);
    expect(await ids({ kind: "sync", writer: shadowed.writerId })).toEqual([]);
    expect(await ids({ kind: "sync", writer: pull.writerId })).toEqual([sync.id]);
  });
});

describe("the Runs page's filter in the URL", () => {
  it("reads what it wrote, and drops what does not parse", () => {
    const filter = { kind: "shadow", writer: shadowed.writerId } as const;
    expect(parseRunsFilter(Object.fromEntries(new URLSearchParams(runsSearch(filter))))).toEqual(filter);
    expect(runsSearch({})).toBe("");
    expect(parseRunsFilter({ kind: "everything", writer: ["w1", "w2"] })).toEqual({ kind: undefined, writer: "w1" });
    expect(parseRunsFilter({ kind: "", writer: "no spaces allowed" })).toEqual({ kind: undefined, writer: undefined });
  });
});
