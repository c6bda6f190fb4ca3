import type { FaultRuleInput, SimNoteView } from "../../../lib/x-simulator";
import { readE2eServerInfo } from "./e2e-server-info";

/** The e2e server's X simulator, through its HTTP control routes (docs/x-simulator.md). */
async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${readE2eServerInfo().simulatorUrl}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const simulator = {
  notes: () => control<SimNoteView[]>("GET", "/notes"),
  addFault: (rule: FaultRuleInput) => control<{ id: string }>("POST", "/faults", rule),
  clearFaults: () => control<unknown>("DELETE", "/faults"),
};
