import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/roles";
import { configurationSummary } from "@/lib/config/runtime";
import { listWriters } from "@/lib/writers/store";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageRole("viewer", "/settings");
  const config = configurationSummary();
  const writers = await listWriters();

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Settings</h1>
      <div className="grid gap-4 md:grid-cols-3">
        <Card title="Database">
          <p className="text-sm" data-testid="settings-database">{config.database.label}</p>
          {config.database.embedded && <Badge tone="info">embedded</Badge>}
        </Card>
        <Card title="X API">
          {config.xApi ? (
            <div className="flex flex-col gap-1 text-sm" data-testid="settings-x-api">
              <span>{config.xApi.baseUrl}</span>
              <span className="text-zinc-500">{config.xApi.auth}</span>
              {config.xApi.simulated && <Badge tone="info">Notedesk simulator</Badge>}
            </div>
          ) : (
            <p className="text-sm text-zinc-500">Not configured: set X_API_KEY… or X_USER_ACCESS_TOKEN (see .env.example).</p>
          )}
        </Card>
        <Card title="Drafting model">
          <div className="flex flex-col gap-1 text-sm" data-testid="settings-llm">
            <span>{config.llm.provider}</span>
            <span className="text-zinc-500">{config.llm.model || "model not set"}</span>
            {config.llm.provider === "offline" && <Badge tone="warn">offline drafter: not a real model</Badge>}
          </div>
        </Card>
      </div>
      <Card title="Writers">
        <table className="w-full text-left text-sm">
          <thead className="text-zinc-500">
            <tr>
              <th className="py-1 font-medium">Name</th>
              <th className="py-1 font-medium">Mode</th>
              <th className="py-1 font-medium">Feed</th>
            </tr>
          </thead>
          <tbody>
            {writers.map((w) => (
              <tr key={w.id} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1.5">{w.name}</td>
                <td className="py-1.5">
                  <Badge tone={w.testMode ? "info" : "warn"}>{w.testMode ? "test" : "production"}</Badge>
                </td>
                <td className="py-1.5">
                  {w.feedSize} · {w.feedLang}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Link href="/settings/variants" className="text-sm underline">
        Drafting variants: live and shadow prompts and models, blind-comparison ratings →
      </Link>
      {roleAtLeast(user.role, "admin") && (
        <div className="flex gap-4">
          <Link href="/settings/users" className="text-sm underline">
            Manage users →
          </Link>
          <Link href="/settings/controls" className="text-sm underline">
            Controls: emergency stop, writer modes, thresholds, LLM budgets →
          </Link>
        </div>
      )}
    </div>
  );
}
