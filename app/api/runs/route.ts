import { NextResponse } from "next/server";
import { z } from "zod";

import { defineRoute } from "@/lib/auth/route";
import { loadRunsSnapshot } from "@/lib/runs/snapshot";

export const dynamic = "force-dynamic";

/** Polled by the Runs page (components/runs) while runs are in progress. */
export const GET = defineRoute({ name: "runs.list", role: "viewer", query: z.object({}) }, async () =>
  NextResponse.json(await loadRunsSnapshot(), { headers: { "Cache-Control": "no-store" } }),
);
