/**
 * Sites a note may link to without raising the "unfamiliar link" injection flag even when nothing in
 * the post mentions them: public bodies, wire services, established fact-checkers and reference works.
 * Deliberately short; a link elsewhere is not wrong, it only asks the reviewer to look at it.
 */
const referenceDomains = [
  "who.int", "cdc.gov", "nih.gov", "fda.gov", "nasa.gov", "noaa.gov", "bls.gov", "census.gov", "usgs.gov",
  "europa.eu", "un.org", "imf.org", "worldbank.org", "oecd.org", "ourworldindata.org", "ipcc.ch",
  "reuters.com", "apnews.com", "afp.com", "bbc.com", "bbc.co.uk", "npr.org",
  "factcheck.org", "politifact.com", "snopes.com", "fullfact.org",
  "wikipedia.org", "britannica.com", "nature.com", "science.org", "thelancet.com",
];

/** Government, education and intergovernmental top-level and second-level domains. */
const referenceSuffixes = [".gov", ".mil", ".edu", ".int", ".gov.uk", ".ac.uk", ".gc.ca", ".gouv.fr", ".gov.au"];

/** Lower-case host without "www." or a trailing dot; null when `url` is not an http(s) URL. */
export function hostOf(url: string): string | null {
  try {
    // The API's link pattern keeps glued punctuation ("https://a.org)."), which URL parsing would reject.
    const parsed = new URL(url.replace(/[.,;:!?)\]}'"»”’]+$/u, ""));
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.hostname.toLowerCase().replace(/\.$/, "").replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** True when `host` is `domain` or one of its subdomains. */
export function isWithinDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function isReferenceHost(host: string): boolean {
  return (
    referenceDomains.some((domain) => isWithinDomain(host, domain)) ||
    referenceSuffixes.some((suffix) => host.endsWith(suffix))
  );
}
