import { SIMULATED_WEB_PREFIX } from "@/lib/x-simulator/web";

import type { Hop } from "./http-hop";

/**
 * The offline demo cannot reach the web, so links are asked of the X simulator's simulated web
 * instead: the scheme and host move into the path, and every redirect the simulated web answers
 * names a real-looking address again, which the checker follows (and this hop rewrites) as usual.
 */
export function simulatedWebUrl(simulatorBaseUrl: string, url: URL): URL {
  const scheme = url.protocol.slice(0, -1);
  return new URL(`${SIMULATED_WEB_PREFIX}/${scheme}/${url.host}${url.pathname}${url.search}`, simulatorBaseUrl);
}

export function simulatedHop(simulatorBaseUrl: string, hop: Hop): Hop {
  return (url, method, signal) => hop(simulatedWebUrl(simulatorBaseUrl, url), method, signal);
}
