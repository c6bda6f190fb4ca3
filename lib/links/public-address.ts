import "server-only";

import { lookup as dnsLookup } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * The SSRF guard of live link checks: a link in a note must never make Notedesk's server talk to
 * itself, its cloud metadata service or the private network it sits in.
 */
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, where cloud metadata services answer
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  nonPublic.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 can reach any IPv4 address, private ones included
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  nonPublic.addSubnet(network, prefix, "ipv6");
}

/** True for an address on no public network. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as IPv4. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return nonPublic.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** A URL whose host is written as a non-public IP: Node connects to literal IPs without a lookup. */
export function nonPublicLiteralHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return isNonPublicAddress(host) ? host : null;
}

export class NonPublicAddressError extends Error {
  readonly code = "ENOTPUBLIC";
  constructor(readonly hostname: string, readonly address: string) {
    super(`${hostname} resolves to ${address}, which is not a public address`);
  }
}

/**
 * A DNS lookup for node:http that refuses names resolving to a non-public address. Checked at
 * connect time, on the addresses actually connected to, so a name that changes its answer between
 * a check and the request (DNS rebinding) is still caught.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const blocked = addresses.find((a) => isNonPublicAddress(a.address));
    if (blocked) return callback(new NonPublicAddressError(hostname, blocked.address), "", 0);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
    callback(null, first.address, first.family);
  });
};
