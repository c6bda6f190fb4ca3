import { describe, expect, it } from "vitest";

import { seedWriter } from "@/tests/support/fixtures/review";

import { liveVariant } from "./store";
import { freshFeed, testModels, variantTestbed, writesNote } from "./testing/variant-fixture";
import { changeVariant, createVariant, promoteVariant, setVariantStatus } from "./variant-admin";
import { draftAsLiveVariant } from "./live-drafting";

const { t, admin } = await variantTestbed();

const shadowConfig = { promptVersion: "draft-v2", provider: "openai-compatible", model: "model-b", temperature: 0.7 } as const;
const statusesOf = async (writerId: string) =>
  Object.fromEntries((await t.db.draftingVariant.findMany({ where: { writerId }, select: { name: true, status: true } })).map((v) => [v.name, v.status]));
const auditOf = (variantId: string) => t.db.auditEvent.findMany({ where: { subjectType: "variant", subjectId: variantId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });

describe("variants", () => {
  it("a writer gets today's configuration as its live default the first time it needs one, once", async () => {
    const writer = await seedWriter(t.db);
    const [first, second] = await Promise.all([liveVariant(t.db, writer.id), liveVariant(t.db, writer.id)]);
    expect(first).toEqual(second);
    expect(first).toMatchObject({ name: "Default", status: "live", promptVersion: "draft-v1", provider: "env", model: null, temperature: 0.3 });
    expect(await auditOf(first.id)).toEqual([
      { action: "variant.create_default", actorId: null, before: null, after: { status: "live", promptVersion: "draft-v1", provider: "env", temperature: 0.3 } },
    ]);
  });

  it("creates a shadow variant beside the live one, audited with the admin's name", async () => {
    const writer = await seedWriter(t.db);
    const created = await createVariant({ writerId: writer.id, name: "Concise", ...shadowConfig }, admin);
    expect(created).toMatchObject({ status: "shadow", promptVersion: "draft-v2", model: "model-b", temperature: 0.7 });
    expect(await statusesOf(writer.id)).toEqual({ Default: "live", Concise: "shadow" });
    expect(await auditOf(created.id)).toMatchObject([{ action: "variant.create", actorId: admin.id, after: { name: "Concise", status: "shadow", model: "model-b" } }]);
    await expect(createVariant({ writerId: writer.id, name: "Concise", ...shadowConfig }, admin)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining('"Concise"') });
  });

  it("refuses bad input and models this server cannot reach, changing nothing", async () => {
    const writer = await seedWriter(t.db);
    await expect(createVariant({ writerId: writer.id, name: "", ...shadowConfig }, admin)).rejects.toThrow("Give the variant a name.");
    await expect(createVariant({ writerId: writer.id, name: "Hot", ...shadowConfig, temperature: 3 }, admin)).rejects.toThrow("2 at most");
    await expect(createVariant({ writerId: writer.id, name: "No model", ...shadowConfig, model: null }, admin)).rejects.toThrow("needs a model name");
    await expect(createVariant({ writerId: writer.id, name: "v9", ...shadowConfig, promptVersion: "draft-v9" as "draft-v2" }, admin)).rejects.toThrow("prompt version");
    await expect(createVariant({ writerId: writer.id, name: "Grok", ...shadowConfig, provider: "xai" }, admin)).rejects.toMatchObject({ code: "blocked", message: expect.stringContaining("XAI_API_KEY") });
    expect(await t.db.draftingVariant.count({ where: { writerId: writer.id, name: { not: "Default" } } })).toBe(0);
  });

  it("promotes a variant: the old live one becomes a shadow in the same step, both audited", async () => {
    const writer = await seedWriter(t.db);
    const old = await liveVariant(t.db, writer.id);
    const next = await createVariant({ writerId: writer.id, name: "Next", ...shadowConfig }, admin);
    const result = await promoteVariant({ variantId: next.id, confirm: true }, admin);
    expect(result).toMatchObject({ live: { id: next.id, status: "live" }, demoted: { id: old.id, status: "shadow" } });
    expect(await statusesOf(writer.id)).toEqual({ Default: "shadow", Next: "live" });
    expect(await auditOf(next.id)).toMatchObject([{ action: "variant.create" }, { action: "variant.promote", actorId: admin.id, after: { status: "live", demotedVariantId: old.id } }]);
    expect(await auditOf(old.id)).toMatchObject([{ action: "variant.create_default" }, { action: "variant.demote", after: { status: "shadow", replacedById: next.id } }]);
    await expect(promoteVariant({ variantId: next.id, confirm: true }, admin)).rejects.toMatchObject({ code: "invalid_state" });
    await expect(promoteVariant({ variantId: old.id } as never, admin)).rejects.toThrow("Confirm the promotion");
  });

  it("two promotions at once take turns and leave exactly one live variant", async () => {
    const writer = await seedWriter(t.db);
    await liveVariant(t.db, writer.id);
    const a = await createVariant({ writerId: writer.id, name: "A", ...shadowConfig }, admin);
    const b = await createVariant({ writerId: writer.id, name: "B", ...shadowConfig }, admin);
    await Promise.all([promoteVariant({ variantId: a.id, confirm: true }, admin), promoteVariant({ variantId: b.id, confirm: true }, admin)]);
    const statuses = Object.values(await statusesOf(writer.id));
    expect(statuses.filter((s) => s === "live")).toHaveLength(1);
  });

  it("the live variant can't be switched off or shadowed directly; others switch between shadow and off", async () => {
    const writer = await seedWriter(t.db);
    const live = await liveVariant(t.db, writer.id);
    await expect(setVariantStatus({ variantId: live.id, status: "off" }, admin)).rejects.toMatchObject({ code: "invalid_state", message: expect.stringContaining("promote another") });
    const other = await createVariant({ writerId: writer.id, name: "Other", ...shadowConfig }, admin);
    expect(await setVariantStatus({ variantId: other.id, status: "off" }, admin)).toMatchObject({ status: "off" });
    expect(await setVariantStatus({ variantId: other.id, status: "shadow" }, admin)).toMatchObject({ status: "shadow" });
    expect((await auditOf(other.id)).map((e) => e.action)).toEqual(["variant.create", "variant.status", "variant.status"]);
  });

  it("fixes a variant's prompt, model and temperature once it has drafted; its name can still change", async () => {
    const feed = await freshFeed(t.db, 1);
    const live = await liveVariant(t.db, feed.writerId);
    const unused = await createVariant({ writerId: feed.writerId, name: "Unused", ...shadowConfig }, admin);
    expect(await changeVariant({ variantId: unused.id, name: "Unused", ...shadowConfig, temperature: 0.9 }, admin)).toMatchObject({ temperature: 0.9 });

    await draftAsLiveVariant(t.db, testModels(writesNote("LIVE")), { feed, triggeredById: null });
    await expect(changeVariant({ variantId: live.id, name: "Default", promptVersion: "draft-v2", provider: "env", model: null, temperature: 0.3 }, admin)).rejects.toMatchObject({
      code: "invalid_state",
      message: expect.stringContaining("Create a new variant instead"),
    });
    expect(await changeVariant({ variantId: live.id, name: "Grok classic", promptVersion: "draft-v1", provider: "env", model: null, temperature: 0.3 }, admin)).toMatchObject({ name: "Grok classic" });
    expect(await liveVariant(t.db, feed.writerId)).toMatchObject({ name: "Grok classic", promptVersion: "draft-v1" });
  });

  it("the database itself allows one live variant per writer, never two and never none", async () => {
    const writer = await seedWriter(t.db);
    const live = await liveVariant(t.db, writer.id);
    const other = await createVariant({ writerId: writer.id, name: "Other", ...shadowConfig }, admin);
    await expect(t.db.draftingVariant.update({ where: { id: other.id }, data: { status: "live" } })).rejects.toThrow(/2 live drafting variants/);
    await expect(t.db.draftingVariant.update({ where: { id: live.id }, data: { status: "off" } })).rejects.toThrow(/no live drafting variant/);
    await expect(t.db.draftingVariant.create({ data: { writerId: (await seedWriter(t.db)).id, name: "Lonely shadow", ...shadowConfig } })).rejects.toThrow(/no live drafting variant/);
    expect(await statusesOf(writer.id)).toEqual({ Default: "live", Other: "shadow" });
  });
});
