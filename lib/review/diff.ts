/**
 * Word-level diff between two note texts (the AI draft and the current revision). Pure, so the
 * review UI can run it in the browser. Whitespace is kept as its own tokens: joining the "same" and
 * "removed" parts gives back the old text, "same" and "added" the new one.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

type Op = { kind: DiffPart["kind"]; token: string };

export function wordDiff(before: string, after: string): DiffPart[] {
  return mergeParts(groupChanges(absorbLoneSpaces(lcsOps(tokenize(before), tokenize(after)))));
}

function tokenize(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/** Longest common subsequence over tokens; notes are at most a few hundred tokens, so O(n·m) is fine. */
function lcsOps(a: string[], b: string[]): Op[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: "same", token: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      ops.push({ kind: "removed", token: a[i++]! });
    } else {
      ops.push({ kind: "added", token: b[j++]! });
    }
  }
  while (i < a.length) ops.push({ kind: "removed", token: a[i++]! });
  while (j < b.length) ops.push({ kind: "added", token: b[j++]! });
  return ops;
}

/** Within a run of changes, all removals first, then all additions: reads as "this became that". */
function groupChanges(ops: Op[]): Op[] {
  const out: Op[] = [];
  let removed: Op[] = [];
  let added: Op[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.kind === "same") {
      flush();
      out.push(op);
    } else {
      (op.kind === "removed" ? removed : added).push(op);
    }
  }
  flush();
  return out;
}

/**
 * A space kept "same" between two changed words splits one edit in two; folding it into both sides
 * turns "[-foo-][+bar+] [-x-][+y+]" into "[-foo x-][+bar y+]". Only done when the edit around it
 * both removes and adds something, so a plain insertion never grows a stray space.
 */
function absorbLoneSpaces(ops: Op[]): Op[] {
  const out: Op[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.kind === "same" && /^\s+$/.test(op.token) && editsBothWays(changesBefore(out), changesAfter(ops, k))) {
      out.push({ kind: "removed", token: op.token }, { kind: "added", token: op.token });
    } else {
      out.push(op);
    }
  }
  return out;
}

function changesBefore(ops: Op[]): Op[] {
  let start = ops.length;
  while (start > 0 && ops[start - 1]!.kind !== "same") start--;
  return ops.slice(start);
}

function changesAfter(ops: Op[], index: number): Op[] {
  let end = index + 1;
  while (end < ops.length && ops[end]!.kind !== "same") end++;
  return ops.slice(index + 1, end);
}

function editsBothWays(before: Op[], after: Op[]): boolean {
  if (before.length === 0 || after.length === 0) return false;
  const kinds = new Set([...before, ...after].map((o) => o.kind));
  return kinds.has("removed") && kinds.has("added");
}

function mergeParts(ops: Op[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of ops) {
    const last = parts[parts.length - 1];
    if (last && last.kind === op.kind) last.text += op.token;
    else parts.push({ kind: op.kind, text: op.token });
  }
  return parts;
}
