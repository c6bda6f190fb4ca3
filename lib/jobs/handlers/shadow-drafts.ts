import "server-only";

import { runShadowDrafting } from "@/lib/variants/shadow-run";

import { perWriter } from "./per-writer";

/** The writer's shadow variants draft what the live one drafted; a post's failure is stored on its shadow draft, never thrown. */
export const shadowDraftsJob = perWriter("shadow-drafts", async (writer, data, ctx) =>
  runShadowDrafting(ctx.db, ctx.services.drafting(), { feed: { writerId: writer.id, testMode: writer.testMode }, triggeredById: data.triggeredById, signal: ctx.signal }),
);
