import { gateLabels, isOverridableGate, type GateId, type GateResult } from "./dto";

export function gateResult(id: GateId, pass: boolean, reason: string, extra: Pick<GateResult, "links" | "claimOpinion"> = {}): GateResult {
  return { id, label: gateLabels[id], pass, reason, overridable: isOverridableGate(id), override: null, ...extra };
}
