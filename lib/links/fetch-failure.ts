import { NonPublicAddressError } from "./public-address";

const byCode: Record<string, string> = {
  ENOTFOUND: "the host does not exist (DNS lookup failed)",
  EAI_AGAIN: "the host's name could not be looked up right now (DNS)",
  ECONNREFUSED: "the server refused the connection",
  ECONNRESET: "the server closed the connection without answering",
  EHOSTUNREACH: "the host cannot be reached",
  ENETUNREACH: "the network is unreachable",
  EPROTO: "the secure connection failed",
};

/** Why a request got no answer, in words an operator can act on. */
export function describeFetchFailure(error: unknown): string {
  if (error instanceof NonPublicAddressError) return `refused: ${error.message}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") {
    if (byCode[code]) return byCode[code];
    if (code.startsWith("CERT_") || code.includes("CERT") || code.startsWith("ERR_TLS")) return `the site's TLS certificate is not valid (${code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
