import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { answerApiRequest, type Answer } from "./api-pipeline";
import { createControl, type SimulatorControl } from "./control";
import { handleControlRequest } from "./http-control";
import { resolveOptions, type XSimulatorOptions } from "./options";
import { problems } from "./problems";
import { SimulatorState } from "./state";

export type XSimulator = {
  /** e.g. http://127.0.0.1:4810, the base URL for the X client. */
  url: string;
  port: number;
  control: SimulatorControl;
  stop(): Promise<void>;
};

const MAX_BODY_BYTES = 1_000_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("request body too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startXSimulator(options: XSimulatorOptions = {}): Promise<XSimulator> {
  const resolved = resolveOptions(options);
  const state = new SimulatorState(resolved);
  const control = createControl(state);

  /** Writes the answer, or fails the connection; returns what the request log records. */
  function deliver(request: IncomingMessage, response: ServerResponse, answer: Answer): number | "dropped" | "timeout" {
    if (answer.kind === "drop_connection") {
      request.socket.destroy();
      return "dropped";
    }
    // A timeout fault leaves the request open until the client gives up (or stop() closes it).
    if (answer.kind === "timeout") return "timeout";
    const { reply, headers, bodyText } = answer;
    const contentType = reply.problem ? state.variants.problemContentType : "application/json";
    response.writeHead(reply.status, { ...headers, ...reply.headers, "content-type": `${contentType}; charset=utf-8` });
    response.end(bodyText ?? JSON.stringify(reply.body));
    return reply.status;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? "GET";
    const origin = `http://${request.headers.host ?? `${resolved.host}:${resolved.port}`}`;
    const url = new URL(request.url ?? "/", origin);
    const rawBody = await readBody(request);
    if (url.pathname.startsWith("/_sim/")) {
      const reply = handleControlRequest(control, method, url, rawBody);
      response.writeHead(reply.status, { ...reply.headers, "content-type": reply.contentType ?? "application/json; charset=utf-8" });
      response.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
      return;
    }
    const { answer, ...details } = await answerApiRequest(state, { method, url, authorization: request.headers.authorization, rawBody, origin });
    state.log({ method, path: `${url.pathname}${url.search}`, body: rawBody === "" ? null : rawBody, ...details, outcome: deliver(request, response, answer) });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      resolved.log(`simulator error: ${error instanceof Error ? error.stack : String(error)}`);
      if (response.headersSent) response.destroy();
      else deliver(request, response, { kind: "reply", reply: problems.serverError(500), headers: {} });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${resolved.host}:${port}`,
    port,
    control,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Requests held open by a timeout fault would keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
