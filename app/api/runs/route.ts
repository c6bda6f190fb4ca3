import { NextResponse } from "next/server";

import { defineRoute } from "@/lib/auth/route";
import { runsFilterSchema } from "@/lib/runs/filter";
import { loadRunsSnapshot } from "@/lib/runs/snapshot";

export const dynamic = "force-dynamic";

/** Polled by the Runs page (components/runs) while runs are in progress, with the page's filter. */
export const GET = defineRoute({ name: "runs.list", role: "viewer", query: runsFilterSchema }, async (filter) =>
  NextResponse.json(await loadRunsSnapshot(filter), { headers: { "Cache-Control": "no-store" } }),
);
