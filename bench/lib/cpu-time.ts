import { readFileSync } from "node:fs";

import pg from "pg";

/**
 * CPU time spent on a piece of work: this Node process's, and that of every PostgreSQL backend
 * connected to the work's database (the server runs on this machine: the benchmarks use the local
 * one). On a machine shared with other work, wall time waits in line for the cores; CPU time is what
 * the work itself costs, so benchmarks report it beside wall time. Linux only (/proc); elsewhere the
 * backends' share reads as null.
 */
export type CpuTime = { node: number; postgres: number | null };

const CLOCK_TICKS_PER_MS = 0.1; // USER_HZ = 100 on Linux

function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name: state is 3rd, utime 14th, stime 15th (man proc).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
  } catch {
    return null;
  }
}

/** Measures `work` on the database at `url`: its result, wall time and CPU time, in ms. */
export async function withCpuTime<T>(url: string, work: () => Promise<T>): Promise<{ result: T; wallMs: number; cpu: CpuTime }> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const backends = async () => {
      const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
      return new Map(rows.map(({ pid }) => [pid, processCpuMs(pid)]));
    };
    const before = await backends();
    const nodeBefore = process.cpuUsage();
    const started = performance.now();
    const result = await work();
    const wallMs = performance.now() - started;
    const node = process.cpuUsage(nodeBefore);
    let postgres: number | null = 0;
    for (const [pid, now] of await backends()) {
      if (now === null) postgres = null;
      else if (postgres !== null) postgres += now - (before.get(pid) ?? 0);
    }
    return { result, wallMs, cpu: { node: (node.user + node.system) / 1000, postgres } };
  } finally {
    await admin.end();
  }
}
