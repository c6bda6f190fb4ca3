import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { ActionResult } from "@/lib/auth/action-result";
import type { ClaimResult } from "@/lib/review/claims";
import type { DecisionResult } from "@/lib/review/decisions";
import type { SaveRevisionResult } from "@/lib/review/revisions";
import type { SubmitOutcomeDto } from "@/lib/submission/dto";
import { createTestDatabase } from "@/tests/support/db";
import { expireClaim, fakeSender, seedDraft, seedWriter, validNote } from "@/tests/support/fixtures/review";

import { asUser, createTestUser, type TestUser } from "./support/sessions";

/**
 * Issue #7, reviewer races: 20 reviewers, each in a session of their own, claim, edit and decide
 * 100 drafts at the same time through the queue's server actions. Counted: double claims (two
 * people holding one draft), silent overwrites (a saved edit that isn't in the draft's history, or
 * two edits saved on the same base), and whether every lost race was shown to its loser.
 */

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (await import("./support/sessions")).currentSession(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
// X and the gates are not what races here: a fake X that records every call, and gates that pass.
const x = vi.hoisted(() => ({ sender: null as unknown }));
vi.mock("@/lib/submission/sender", () => ({ appNoteSender: () => x.sender }));
vi.mock("@/lib/gates/evaluate", async (importOriginal) => {
  const { scriptedGateDeps } = await import("@/lib/gates/test-support");
  return { ...(await importOriginal<typeof import("@/lib/gates/evaluate")>()), appGateDeps: scriptedGateDeps().deps };
});

const actions = await import("@/app/(app)/queue/actions");

const REVIEWERS = 20;
const APPROVERS = 6; // of the twenty
const DRAFTS = 100;

const t = await createTestDatabase();
afterAll(() => t.drop());

const fake = fakeSender((note, call) => ({ kind: "created", noteId: String(1_800_000_000_000_000_000n + BigInt(call)), raw: { postId: note.postId } }));
x.sender = fake.sender;

let people: TestUser[] = [];
let draftIds: string[] = [];
beforeAll(async () => {
  const writer = await seedWriter(t.db);
  people = [];
  for (let i = 0; i < REVIEWERS; i++) people.push(await createTestUser(t.db, i < APPROVERS ? "approver" : "reviewer", `Racer ${i + 1}`));
  draftIds = [];
  for (let i = 0; i < DRAFTS; i++) draftIds.push((await seedDraft(t.db, { writerId: writer.id, note: validNote({ text: `Draft ${i}: the figure is from 2019. https://example.org/source/${i}` }) })).id);
});

/** A small deterministic generator, so the races are the same every run (their timing is the machine's). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
const rand = random(20_261_121);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const as = <T,>(user: TestUser, fn: () => Promise<T>) => asUser(user, fn);
const unwrap = <T,>(result: ActionResult<T>): T => {
  if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
  return result.data;
};

type Row = { state: string; version: number; claimedById: string | null; currentRevisionId: string | null };
const draftRow = (id: string) =>
  t.db.draft.findUniqueOrThrow({ where: { id }, select: { state: true, version: true, claimedById: true, currentRevisionId: true } }) as Promise<Row>;

const figures = {
  claimAttempts: 0,
  claimsWon: 0,
  claimsRefusedWithHolder: 0,
  doubleClaims: 0,
  saveAttempts: 0,
  saved: 0,
  conflictsSurfaced: 0,
  conflictsSilent: 0,
  silentOverwrites: 0,
  decisionAttempts: 0,
  decisionsWon: 0,
  decisionsRefusedWithMessage: 0,
  doubleDecisions: 0,
  xCalls: 0,
};

describe("twenty reviewers, one hundred drafts", () => {
  /** Who believes they hold which draft, from the answers the actions gave them. */
  const believedHolders = new Map<string, Set<string>>();

  it("claims: every draft is held by at most one person, and a refused claim says who holds it", async () => {
    await Promise.all(
      people.map((person) =>
        as(person, async () => {
          for (let i = 0; i < 12; i++) {
            figures.claimAttempts += 1;
            const result: ClaimResult | null = i % 4 === 3 ? unwrap(await actions.claimNextAction({ filters: {} })) : unwrap(await actions.claimAction({ draftId: pick(draftIds) }));
            if (!result) continue;
            if (result.claimed) {
              figures.claimsWon += 1;
              const holders = believedHolders.get(result.draftId) ?? new Set<string>();
              holders.add(person.id);
              believedHolders.set(result.draftId, holders);
            } else {
              figures.claimsRefusedWithHolder += 1;
              expect(result.heldBy.byId).not.toBe(person.id);
              expect(result.message).toMatch(/Claimed by/);
            }
          }
        }),
      ),
    );
    for (const [draftId, holders] of believedHolders) {
      if (holders.size > 1) figures.doubleClaims += 1;
      expect((await draftRow(draftId)).claimedById).toBe([...holders][0]);
    }
    expect(figures.doubleClaims).toBe(0);
    expect(figures.claimsRefusedWithHolder).toBeGreaterThan(0);
  });

  it("edits: two tabs, intruders and stolen leases; nothing is overwritten silently and every loser is told", async () => {
    type Attempt = { person: TestUser; draftId: string; base: string | null; version: number; text: string; outcome: "saved" | "conflict" | "refused"; revisionId?: string; message?: string };
    const attempts: Attempt[] = [];
    const save = async (person: TestUser, draftId: string, seen: Row, text: string) => {
      figures.saveAttempts += 1;
      const note = validNote({ text });
      const result = await as(person, () => actions.saveRevisionAction({ draftId, baseRevisionId: seen.currentRevisionId, expectedVersion: seen.version, note }));
      const attempt: Attempt = { person, draftId, base: seen.currentRevisionId, version: seen.version, text, outcome: "refused" };
      if (result.ok && result.data.kind === "saved") {
        attempt.outcome = "saved";
        attempt.revisionId = result.data.revision.id;
      } else if (result.ok) {
        const conflict = result.data as Extract<SaveRevisionResult, { kind: "conflict" }>;
        attempt.outcome = "conflict";
        attempt.message = conflict.message;
        // What the loser is shown: their own text, exactly, and the version that won.
        expect(conflict.yours.note.text).toBe(text);
        expect(conflict.theirs?.id).toBeTruthy();
      } else {
        expect(result.code).toMatch(/^(conflict|invalid_state)$/);
        attempt.message = result.message;
      }
      attempts.push(attempt);
      return attempt;
    };

    const held = [...believedHolders.entries()].map(([draftId, holders]) => ({ draftId, holder: people.find((p) => p.id === [...holders][0]) as TestUser }));
    // A third of the held drafts lose their lease (ten minutes pass) and someone else takes them.
    const stolen = new Set(held.filter((_, i) => i % 3 === 0).map((h) => h.draftId));

    await Promise.all(
      held.map(async ({ draftId, holder }, index) => {
        const seen = await draftRow(draftId);
        const intruder = people[(people.indexOf(holder) + 1 + index) % people.length] as TestUser;
        const saves: Promise<unknown>[] = [
          // The same person in two tabs, both from the version they loaded.
          save(holder, draftId, seen, `Tab A of ${holder.name} on ${draftId}. https://example.org/a/${index}`),
          save(holder, draftId, seen, `Tab B of ${holder.name} on ${draftId}. https://example.org/b/${index}`),
          // Someone who doesn't hold it.
          save(intruder, draftId, seen, `Intruder ${intruder.name} on ${draftId}. https://example.org/i/${index}`),
        ];
        if (stolen.has(draftId)) {
          saves.push(
            (async () => {
              await expireClaim(t.db, draftId);
              const thief = intruder;
              const claim = await as(thief, () => actions.claimAction({ draftId }));
              if (claim.ok && claim.data.claimed) {
                const now = await draftRow(draftId);
                await save(thief, draftId, now, `Thief ${thief.name} on ${draftId}. https://example.org/t/${index}`);
              }
              // The original holder comes back from lunch and saves on top of what they loaded.
              await save(holder, draftId, seen, `Back from lunch: ${holder.name} on ${draftId}. https://example.org/l/${index}`);
            })(),
          );
        }
        await Promise.all(saves);
      }),
    );

    for (const attempt of attempts) {
      if (attempt.outcome === "saved") figures.saved += 1;
      else if (attempt.message && attempt.message.length > 0) figures.conflictsSurfaced += 1;
      else figures.conflictsSilent += 1;
    }
    // Silent overwrite: a saved edit that is not in the draft's history, or two saved on one base.
    const savedByBase = new Map<string, number>();
    for (const attempt of attempts.filter((a) => a.outcome === "saved")) {
      const key = `${attempt.draftId}:${attempt.base}`;
      savedByBase.set(key, (savedByBase.get(key) ?? 0) + 1);
    }
    figures.silentOverwrites += [...savedByBase.values()].filter((n) => n > 1).length;
    for (const draftId of new Set(attempts.map((a) => a.draftId))) {
      const chain = new Set<string>();
      let cursor = (await draftRow(draftId)).currentRevisionId;
      while (cursor) {
        chain.add(cursor);
        cursor = (await t.db.revision.findUniqueOrThrow({ where: { id: cursor }, select: { parentId: true } })).parentId;
      }
      const orphans = attempts.filter((a) => a.draftId === draftId && a.outcome === "saved" && !chain.has(a.revisionId as string));
      figures.silentOverwrites += orphans.length;
      const humanRevisions = await t.db.revision.count({ where: { draftId, authorKind: "human" } });
      expect(humanRevisions).toBe(attempts.filter((a) => a.draftId === draftId && a.outcome === "saved").length);
    }

    expect(figures.silentOverwrites).toBe(0);
    expect(figures.conflictsSilent).toBe(0);
    expect(figures.saved).toBeGreaterThan(0);
    expect(figures.conflictsSurfaced).toBeGreaterThan(held.length); // every tab pair and intruder lost once at least
  });

  it("decisions: people race to approve, reject and skip the same version; one wins, the rest are told", async () => {
    // Everyone lets go first, so nobody's claim decides the race for them.
    const claimed = await t.db.draft.findMany({ where: { claimedById: { not: null } }, select: { id: true, claimedById: true } });
    await Promise.all(
      people.map((person) =>
        as(person, async () => {
          for (const draft of claimed.filter((d) => d.claimedById === person.id)) unwrap(await actions.releaseAction({ draftId: draft.id }));
        }),
      ),
    );
    const approvers = people.slice(0, APPROVERS);
    type Win = { person: string; kind: string };
    const wins = new Map<string, Win[]>();
    await Promise.all(
      draftIds.map(async (draftId, index) => {
        const seen = await draftRow(draftId);
        // Every third draft: three approvers double-click approve at once. The rest: a mixed crowd.
        const approveOnly = index % 3 === 0;
        const racers = approveOnly
          ? [0, 1, 2].map((k) => approvers[(index + k) % APPROVERS] as TestUser)
          : [0, 1, 2, 3].map((k) => people[(index * 7 + k * 5) % people.length] as TestUser);
        await Promise.all(
          racers.map(async (person, k) => {
            figures.decisionAttempts += 1;
            const approver = people.indexOf(person) < APPROVERS;
            const kind = approveOnly || (approver && k % 2 === 0) ? "approve" : k === 3 ? "skip" : "reject";
            const result = await as<ActionResult<DecisionResult | SubmitOutcomeDto>>(person, () =>
              kind === "approve"
                ? actions.approveAndSubmitAction({ draftId, expectedVersion: seen.version })
                : kind === "skip"
                  ? actions.skipAction({ draftId, expectedVersion: seen.version })
                  : actions.rejectAction({ draftId, expectedVersion: seen.version, rejection: { reason: "weak_sources" } }),
            );
            if (result.ok) {
              const list = wins.get(draftId) ?? [];
              list.push({ person: person.id, kind });
              wins.set(draftId, list);
            } else {
              expect(result.code).toMatch(/^(conflict|invalid_state)$/);
              expect(result.message.length).toBeGreaterThan(0);
              figures.decisionsRefusedWithMessage += 1;
            }
          }),
        );
      }),
    );
    for (const draftId of draftIds) {
      const list = wins.get(draftId) ?? [];
      // Two approvers approving the same version get the same submission back: that is one decision.
      const distinct = new Set(list.map((w) => (w.kind === "approve" ? "approve" : `${w.kind}:${w.person}`)));
      if (distinct.size > 1) figures.doubleDecisions += 1;
      expect(distinct.size, `${draftId}: ${JSON.stringify(list)}`).toBe(1);
      figures.decisionsWon += 1;
    }
    const submissions = await t.db.submission.groupBy({ by: ["draftId"], _count: true });
    expect(submissions.every((s) => s._count === 1)).toBe(true);
    figures.xCalls = fake.calls.length;
    const posts = fake.calls.map((c) => c.postId);
    expect(new Set(posts).size).toBe(posts.length);
    expect(figures.xCalls).toBe(submissions.length);
    expect(submissions.length).toBeGreaterThanOrEqual(Math.floor(DRAFTS / 3));
    expect(figures.doubleDecisions).toBe(0);
  });

  afterAll(() => {
    console.log(
      `[races] ${REVIEWERS} reviewers (${APPROVERS} approvers), ${DRAFTS} drafts\n` +
        `  claims: ${figures.claimAttempts} attempts, ${figures.claimsWon} won, ${figures.claimsRefusedWithHolder} refused naming the holder; double claims ${figures.doubleClaims}\n` +
        `  edits: ${figures.saveAttempts} saves, ${figures.saved} saved, conflicts surfaced ${figures.conflictsSurfaced} of ${figures.conflictsSurfaced + figures.conflictsSilent}; silent overwrites ${figures.silentOverwrites}\n` +
        `  decisions: ${figures.decisionAttempts} attempts on ${DRAFTS} drafts, ${figures.decisionsWon} drafts decided once, ${figures.decisionsRefusedWithMessage} losers told why; double decisions ${figures.doubleDecisions}; X calls ${figures.xCalls} for ${figures.xCalls} approvals`,
    );
  });
});
