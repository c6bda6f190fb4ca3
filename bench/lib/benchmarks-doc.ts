import { existsSync, readFileSync, writeFileSync } from "node:fs";

const DOC = "docs/benchmarks.md";
const HEADER = `# Benchmarks

Figures from the scripts under \`bench/\` (\`npm run bench\` runs them all and rewrites this file section by
section). Each compares against a baseline measured in the same run on the same machine, so the ratios
mean more than the absolute numbers. Machine: 2 cores, PostgreSQL 15 on 127.0.0.1.
`;

/** Replaces (or appends) the `## title` section of docs/benchmarks.md, leaving the others as they are. */
export function writeBenchmarkSection(title: string, body: string): void {
  const current = existsSync(DOC) ? readFileSync(DOC, "utf8") : HEADER;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const pattern = new RegExp(`## ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(DOC, next.endsWith("\n") ? next : `${next}\n`);
}

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function environmentLine(): string {
  return `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}.`;
}
