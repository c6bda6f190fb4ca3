/**
 * Opaque next_token values, lower-case alphanumeric like X's. Each carries a checksum of the query it belongs
 * to, so a token replayed against another feed or mode is rejected as X would.
 */
function checksum(text: string): string {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash.toString(36).padStart(7, "0").slice(-7);
}

function parseBase36(text: string): bigint | null {
  if (!/^[0-9a-z]+$/.test(text)) return null;
  let value = 0n;
  for (const char of text) value = value * 36n + BigInt(parseInt(char, 36));
  return value;
}

export function encodePaginationToken(scope: string, cursorId: string): string {
  return `${checksum(`${scope}|${cursorId}`)}${BigInt(cursorId).toString(36)}`;
}

/** The cursor id, or null when the token is malformed or belongs to another query. */
export function decodePaginationToken(scope: string, token: string): string | null {
  const cursor = parseBase36(token.slice(7));
  if (cursor === null) return null;
  const cursorId = cursor.toString();
  return token.slice(0, 7) === checksum(`${scope}|${cursorId}`) ? cursorId : null;
}
