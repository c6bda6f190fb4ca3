import type { Timing } from "../queue/timing";

const WARMUP_ROUNDS = 5;

/**
 * Times several request kinds in rounds, one of each per round, so the floor and the pages share
 * whatever else the machine is doing at that moment: on a busy 2-core box, timing them one after the
 * other measures the neighbours as much as the code.
 */
export async function timeInterleaved<K extends string>(rounds: number, requests: Record<K, () => Promise<void>>): Promise<Record<K, Timing>> {
  const kinds = Object.keys(requests) as K[];
  const samples = new Map<K, number[]>(kinds.map((kind) => [kind, []]));
  for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
    for (const kind of kinds) {
      const started = performance.now();
      await requests[kind]();
      if (round >= WARMUP_ROUNDS) samples.get(kind)?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(kinds.map((kind) => [kind, summarize(samples.get(kind) ?? [])])) as Record<K, Timing>;
}

function summarize(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}
