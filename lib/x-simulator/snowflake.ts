const X_EPOCH_MS = 1288834974657n;

/** X-style ids: time-ordered 64-bit numbers, so "newest first" is "largest id first". */
export function snowflake(atMs: number, sequence: number): string {
  return ((BigInt(Math.floor(atMs)) - X_EPOCH_MS) << 22n | BigInt(sequence & 0x3fffff)).toString();
}

export function compareIdsDescending(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x === y ? 0 : x > y ? -1 : 1;
}
