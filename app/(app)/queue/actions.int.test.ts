import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Role } from "@/lib/auth/roles";
import { createTestDatabase } from "@/tests/support/db";
import { fakeSender, seedDraft, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { signInAs, signOut } from "@/tests/support/fixtures/session";

/** The actions as the browser reaches them: role checks, input parsing and error mapping around the domain. */

vi.mock("@/lib/auth/session", () => import("@/tests/support/fixtures/session"));
const x = vi.hoisted(() => ({ sender: null as unknown }));
vi.mock("@/lib/submission/sender", () => ({ appNoteSender: () => x.sender }));
// The gates' own tests cover them; here every gate passes so the action's wiring is what is tested.
vi.mock("@/lib/gates/evaluate", async (importOriginal) => {
  const { scriptedGateDeps } = await import("@/lib/gates/test-support");
  return { ...(await importOriginal<typeof import("@/lib/gates/evaluate")>()), appGateDeps: scriptedGateDeps().deps };
});

const actions = await import("./actions");

const t = await createTestDatabase();
afterAll(() => t.drop());

let writerId: string;
const as = (role: Role) => signInAs(t.db, role);

beforeAll(async () => {
  writerId = (await seedWriter(t.db)).id;
});

describe("queue actions", () => {
  it("refuses a stranger and a viewer, lets a reviewer claim", async () => {
    const draft = await seedDraft(t.db, { writerId });
    signOut();
    expect(await actions.claimAction({ draftId: draft.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    await as("viewer");
    expect(await actions.claimAction({ draftId: draft.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await actions.listQueueAction({ filters: { writer: writerId } })).toMatchObject({ ok: true, data: { rows: [{ id: draft.id }] } });
    await as("reviewer");
    expect(await actions.claimAction({ draftId: draft.id })).toMatchObject({ ok: true, data: { claimed: true } });
  });

  it("approving and submitting needs the approver role", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const fake = fakeSender(() => ({ kind: "created", noteId: "1700000000000000042", raw: {} }));
    x.sender = fake.sender;

    await as("reviewer");
    expect(await actions.approveAndSubmitAction({ draftId: draft.id, expectedVersion: draft.version })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await actions.previewAction({ draftId: draft.id, expectedVersion: draft.version })).toMatchObject({ ok: true, data: { mode: "test" } });
    await as("approver");
    expect(await actions.approveAndSubmitAction({ draftId: draft.id, expectedVersion: draft.version })).toMatchObject({
      ok: true,
      data: { submission: { state: "succeeded", xNoteId: "1700000000000000042" } },
    });
    expect(fake.calls).toHaveLength(1);
  });

  it("answers bad input with field errors and domain refusals with their code and message", async () => {
    const reviewer = await as("reviewer");
    const draft = await seedDraft(t.db, { writerId });
    await actions.claimAction({ draftId: draft.id });

    const invalid = await actions.saveRevisionAction({
      draftId: draft.id,
      baseRevisionId: draft.revisionId,
      expectedVersion: draft.version,
      note: validNote({ text: "No link here." }),
    });
    expect(invalid).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "note.text": [expect.stringContaining("link")] } });

    expect(await actions.rejectAction({ draftId: draft.id, expectedVersion: draft.version, rejection: { reason: "inaccurate" } })).toMatchObject({ ok: true });
    expect(await actions.claimAction({ draftId: draft.id })).toMatchObject({ ok: false, code: "invalid_state", message: expect.stringContaining("rejected") });
    expect(await actions.undoAction({ draftId: draft.id, expectedVersion: draft.version + 1 })).toMatchObject({ ok: true, data: { state: "ready" } });
    expect((await t.db.draft.findUniqueOrThrow({ where: { id: draft.id } })).claimedById).toBe(reviewer.id);
  });
});
