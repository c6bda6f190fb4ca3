import type { CreateNoteBody } from "../../../lib/x";
import type { FaultRuleInput, RequestLogEntry, SimNoteView } from "../../../lib/x-simulator";
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

/** A POST /2/notes as it reached the simulator, whatever the simulator answered. */
export type ReceivedCreateNote = { outcome: RequestLogEntry["outcome"]; body: CreateNoteBody };

export const simulator = {
  notes: () => control<SimNoteView[]>("GET", "/notes"),
  addFault: (rule: FaultRuleInput) => control<{ id: string }>("POST", "/faults", rule),
  clearFaults: () => control<unknown>("DELETE", "/faults"),
  requests: () => control<RequestLogEntry[]>("GET", "/requests"),
  /** Every POST /2/notes the simulator received for this post, bodies parsed from the raw text it logged. */
  async createNoteRequests(postId: string): Promise<ReceivedCreateNote[]> {
    return (await simulator.requests())
      .flatMap((r) => (r.route === "create_note" && r.body !== null ? [{ outcome: r.outcome, body: JSON.parse(r.body) as CreateNoteBody }] : []))
      .filter((r) => r.body.post_id === postId);
  },
};
