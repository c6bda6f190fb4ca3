import "server-only";

import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";

/** One HTTP request of a link check, answered without following redirects or reading the body. */
export type HopAnswer = { status: number; headers: IncomingHttpHeaders };
export type Hop = (url: URL, method: "HEAD" | "GET", signal: AbortSignal) => Promise<HopAnswer>;

/** Every hop names the checker and its operator (linkCheckUserAgent): sites see who is asking. */
export function httpHop(options: { userAgent: string; lookup?: LookupFunction }): Hop {
  return (url, method, signal) =>
    new Promise<HopAnswer>((resolve, reject) => {
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      const request = send(
        url,
        {
          method,
          signal,
          lookup: options.lookup,
          // A fresh connection per hop: nothing pooled outlives the check.
          agent: false,
          headers: {
            "user-agent": options.userAgent,
            accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
          },
        },
        (response) => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers });
          // Only the status and headers matter; the page itself is never downloaded.
          response.destroy();
        },
      );
      request.on("error", reject);
      request.end();
    });
}
