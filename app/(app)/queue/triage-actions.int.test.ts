import { afterAll, describe, expect, it, vi } from "vitest";

import type { Role } from "@/lib/auth/roles";
import { makePost } from "@/lib/drafting/testing/posts";
import { upsertPosts } from "@/lib/ingest/upsert-posts";
import { triagePost } from "@/lib/triage";
import { createTestDatabase } from "@/tests/support/db";
import { signInAs } from "@/tests/support/fixtures/session";

/** The overturn as the browser reaches it: role check, input parsing and error mapping around lib/triage. */

vi.mock("@/lib/auth/session", () => import("@/tests/support/fixtures/session"));

const { overturnTriageAction } = await import("./triage-actions");

const t = await createTestDatabase();
afterAll(() => t.drop());

const as = (role: Role) => signInAs(t.db, role);

describe("overturnTriageAction", () => {
  it("needs a reviewer and a reason, then overturns", async () => {
    const post = makePost({ id: "1900000000000000077", text: "Unpopular opinion: the bridge is overrated." });
    await upsertPosts(t.db, [post], new Map([[post.id, triagePost(post, new Date())]]));
    const input = { postId: post.id, verdict: "in" as const, reason: "It quotes the official traffic count." };

    await as("viewer");
    expect(await overturnTriageAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    await as("reviewer");
    expect(await overturnTriageAction({ ...input, reason: "" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: [expect.any(String)] } });
    expect(await overturnTriageAction(input)).toMatchObject({ ok: true, data: { verdict: "in", machineVerdict: "out" } });
    expect(await overturnTriageAction(input)).toMatchObject({ ok: false, code: "invalid_state" });
  });
});
