/**
 * The address a link in a note points at. X's link pattern (`https?://\S+`) keeps sentence
 * punctuation glued to a link ("see https://a.org/x."), which is not part of the address: the link
 * checker and the simulator's UrlValidity rule both strip it here, so they judge the same address.
 */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”」]+$/u;

export function linkTarget(link: string): string {
  return link.replace(TRAILING_PUNCTUATION, "");
}

/** An absolute http(s) URL (relative to `base` if given), or null for anything else. */
export function httpUrl(value: string, base?: URL): URL | null {
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** The address a link in a note points at, or null when it is not an http(s) URL. */
export function parseLink(link: string): URL | null {
  return httpUrl(linkTarget(link));
}
