import { NextResponse } from "next/server";
import { z } from "zod";

import { defineRoute } from "@/lib/auth/route";
import { releaseClaim } from "@/lib/review/claims";

/**
 * Gives a draft back when its tab closes: the review page sends a beacon here on pagehide, where a
 * server action can no longer run. Same-origin only, so another site can't release your claims.
 */
export const POST = defineRoute(
  { name: "queue.releaseOnLeave", role: "reviewer", query: z.object({ draftId: z.string().trim().min(1).max(64) }) },
  async ({ draftId }, { user, request }) => {
    const origin = request.headers.get("origin");
    if (origin && new URL(origin).host !== request.headers.get("host")) {
      return NextResponse.json({ ok: false, code: "forbidden", message: "Cross-site request refused." }, { status: 403 });
    }
    return NextResponse.json({ ok: true, data: await releaseClaim(draftId, user) });
  },
);
