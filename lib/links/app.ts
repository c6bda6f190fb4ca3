import "server-only";

import { env, type Env } from "@/lib/config/env";
import { configurationSummary } from "@/lib/config/runtime";
import { DomainError } from "@/lib/errors";

import { parseLink } from "./address";
import { createLinkChecker, type LinkChecker } from "./checker";
import { dbLinkCache } from "./db-cache";
import { httpHop } from "./http-hop";
import { nonPublicLiteralHost, publicOnlyLookup } from "./public-address";
import { simulatedHop } from "./simulated-hop";
import type { LinkCheckMode, LinkCheckResult } from "./types";
import { linkCheckUserAgent } from "./user-agent";

/**
 * live: the real web, behind the SSRF guard. simulated: the X simulator's simulated web, whose
 * answers agree with its UrlValidity rule. off: nothing is checked and every link reports "not
 * checked", which fails the links gate (an admin may override it, with a reason).
 * Unset, the demo's loopback simulator means simulated: a closed network can reach nothing live.
 */
export function linkCheckMode(config: Env = env()): LinkCheckMode {
  return config.LINK_CHECK_MODE ?? (configurationSummary(config).xApi?.simulated ? "simulated" : "live");
}

// One checker per mode and process, so concurrent gate evaluations share in-flight checks.
const holder = globalThis as typeof globalThis & { notedeskLinkCheckers?: Map<LinkCheckMode, LinkChecker> };

export function appLinkChecker(config: Env = env()): LinkChecker {
  const mode = linkCheckMode(config);
  holder.notedeskLinkCheckers ??= new Map();
  let checker = holder.notedeskLinkCheckers.get(mode);
  if (!checker) {
    checker = buildChecker(mode, config);
    holder.notedeskLinkCheckers.set(mode, checker);
  }
  return checker;
}

function buildChecker(mode: LinkCheckMode, config: Env): LinkChecker {
  const userAgent = linkCheckUserAgent(config.LINK_CHECK_CONTACT);
  switch (mode) {
    case "off":
      return notChecking;
    case "simulated": {
      const simulator = config.X_API_BASE_URL;
      if (!simulator) {
        throw new DomainError("unavailable", "LINK_CHECK_MODE=simulated asks the X simulator's simulated web, but X_API_BASE_URL is not set. Start with `npm run demo`, or set LINK_CHECK_MODE=live.");
      }
      return createLinkChecker({ hop: simulatedHop(simulator, httpHop({ userAgent })), cache: dbLinkCache("simulated") });
    }
    case "live":
      return createLinkChecker({
        hop: httpHop({ userAgent, lookup: publicOnlyLookup }),
        cache: dbLinkCache("live"),
        refuse: (url) => {
          const address = nonPublicLiteralHost(url);
          return address ? `${address} is not a public address` : null;
        },
      });
  }
}

const notChecked = (link: string): LinkCheckResult => ({
  url: parseLink(link)?.href ?? link,
  ok: false,
  status: null,
  finalUrl: null,
  redirects: [],
  error: "not checked: link checking is off (LINK_CHECK_MODE=off)",
  checkedAt: new Date().toISOString(),
  fromCache: false,
});

const notChecking: LinkChecker = {
  checkLink: async (link) => notChecked(link),
  checkLinks: async (links) => links.map(notChecked),
};
