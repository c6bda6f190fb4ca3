import { z } from "zod";

import type { SimulatorControl } from "./control";
import type { FaultRuleInput } from "./faults";
import { placeholderSvg } from "./placeholder-media";
import { variantsPatchSchema } from "./variants";
import { simulatedWebAnswer } from "./web";

export type ControlReply = { status: number; body: unknown; contentType?: string; headers?: Record<string, string> };

const advanceSchema = z.object({ ms: z.number().int().min(0) }).strict();
const writerPatchSchema = z.object({ admitted: z.boolean().optional(), noteWriter: z.boolean().optional() }).strict();
const appSchema = z.object({ enrolled: z.boolean() }).strict();

const ok = (body: unknown = { ok: true }): ControlReply => ({ status: 200, body });

type Handler = (match: string[], body: unknown, query: URLSearchParams) => ControlReply;

const simulatedWebPage: Handler = ([scheme, host, path = "/"], _, query) => {
  const { status, headers, body } = simulatedWebAnswer(`${scheme}://${host}${path}${query.size ? `?${query}` : ""}`);
  return { status, headers, body, contentType: "text/html; charset=utf-8" };
};
const simulatedWebPath = /^\/_sim\/web\/(https?)\/([^/]+)(\/.*)?$/;

function routes(control: SimulatorControl): [string, RegExp, Handler][] {
  return [
    ["GET", /^\/_sim\/state$/, () => ok(control.snapshot())],
    ["POST", /^\/_sim\/reset$/, () => {
      control.reset();
      return ok();
    }],
    ["POST", /^\/_sim\/clock\/advance$/, (_, body) => {
      control.advanceClock(advanceSchema.parse(body).ms);
      return ok(control.snapshot());
    }],
    ["POST", /^\/_sim\/writers\/([^/]+)\/admit$/, ([id]) => {
      control.admitWriter(id);
      return ok();
    }],
    ["PATCH", /^\/_sim\/writers\/([^/]+)$/, ([id = ""], body) => {
      control.updateWriter(id, writerPatchSchema.parse(body));
      return ok();
    }],
    ["PUT", /^\/_sim\/app$/, (_, body) => {
      control.setAppEnrolled(appSchema.parse(body).enrolled);
      return ok();
    }],
    ["GET", /^\/_sim\/faults$/, () => ok(control.snapshot().faults)],
    // addFault validates the rule itself.
    ["POST", /^\/_sim\/faults$/, (_, body) => ({ status: 201, body: { id: control.addFault(body as FaultRuleInput) } })],
    ["DELETE", /^\/_sim\/faults$/, () => {
      control.clearFaults();
      return ok();
    }],
    ["DELETE", /^\/_sim\/faults\/([^/]+)$/, ([id = ""]) =>
      control.removeFault(id) ? ok() : { status: 404, body: { error: `no fault ${id}` } }],
    ["GET", /^\/_sim\/variants$/, () => ok(control.snapshot().variants)],
    ["PATCH", /^\/_sim\/variants$/, (_, body) => ok(control.setVariants(variantsPatchSchema.parse(body)))],
    ["GET", /^\/_sim\/notes$/, () => ok(control.notes())],
    ["GET", /^\/_sim\/requests$/, () => ok(control.requests())],
    ["GET", /^\/_sim\/posts$/, (_, __, query) => ok(control.posts(query.get("test_mode") !== "false"))],
    // The simulated web (web.ts): what links in notes answer the link checker offline.
    ["GET", simulatedWebPath, simulatedWebPage],
    ["HEAD", simulatedWebPath, simulatedWebPage],
    ["GET", /^\/_sim\/media\/([^/]+)\.svg$/, ([key = ""]) => ({
      status: 200,
      body: placeholderSvg(key),
      contentType: "image/svg+xml",
    })],
  ];
}

/**
 * The control API over HTTP, for e2e runs against a separately started simulator. No authentication: the
 * simulator listens on loopback only.
 */
export function handleControlRequest(control: SimulatorControl, method: string, url: URL, rawBody: string): ControlReply {
  for (const [routeMethod, path, handler] of routes(control)) {
    const match = path.exec(url.pathname);
    if (!match || routeMethod !== method) continue;
    try {
      const body = rawBody.trim() === "" ? {} : (JSON.parse(rawBody) as unknown);
      return handler(match.slice(1), body, url.searchParams);
    } catch (error) {
      const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
      return { status: 400, body: { error: message } };
    }
  }
  return { status: 404, body: { error: `no control route ${method} ${url.pathname}` } };
}
