import packageJson from "@/package.json";

/**
 * Says who is asking, as a polite crawler does: the software and its version, and, when the operator
 * gave one (LINK_CHECK_CONTACT), where a site owner can reach them about these requests.
 */
export function linkCheckUserAgent(contact: string | undefined): string {
  return `Notedesk-LinkChecker/${packageJson.version}${contact ? ` (+${contact})` : ""}`;
}
