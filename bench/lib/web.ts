import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { demoCredentials } from "../../lib/x-simulator";
import { waitForHttp } from "../../scripts/lib/wait-for-http";
import { freePort } from "../../tests/support/test-server";

export type WebServer = { url: string; stop(): void };

/** The X API settings that point a server at the simulator (lib/x-simulator), with its demo writer's OAuth 1.0a credentials. */
export function simulatorEnv(simUrl: string): Record<string, string> {
  return {
    X_API_BASE_URL: simUrl,
    X_API_KEY: demoCredentials.app.consumerKey,
    X_API_KEY_SECRET: demoCredentials.app.consumerSecret,
    X_ACCESS_TOKEN: demoCredentials.writer.accessToken,
    X_ACCESS_TOKEN_SECRET: demoCredentials.writer.accessTokenSecret,
  };
}

/** `next start` on the existing production build, on a free port, against the given database and X API. */
export async function startProductionServer(env: { databaseUrl: string; xApi: Record<string, string> }): Promise<WebServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...env.xApi,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: env.databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: url,
      LLM_PROVIDER: "offline",
    },
  });
  await waitForHttp(`${url}/signin`, 60_000);
  return { url, stop: () => void child.kill("SIGTERM") };
}

/** Signs in through next-auth's credentials flow and returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return session.split(";")[0] ?? "";
}

/** A server action's id, from the build's manifest, by file and export name. */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename}: run next build first`);
  return found[0];
}

/** The headers a browser sends with a server action call (a POST to the page, body `JSON.stringify([input])`). */
export function actionHeaders(baseUrl: string, cookie: string, id: string): Record<string, string> {
  return { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseUrl, cookie };
}

/** Calls a server action as the browser does (POST with Next-Action); returns the raw Flight answer. */
export async function callAction(baseUrl: string, cookie: string, page: string, id: string, input: unknown): Promise<string> {
  const response = await fetch(`${baseUrl}${page}`, { method: "POST", headers: actionHeaders(baseUrl, cookie, id), body: JSON.stringify([input]) });
  const text = await response.text();
  if (!response.ok) throw new Error(`action ${id} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

export async function getPage(baseUrl: string, cookie: string, page: string): Promise<void> {
  const response = await fetch(`${baseUrl}${page}`, { headers: { cookie }, redirect: "manual" });
  await response.text();
  if (response.status !== 200) throw new Error(`GET ${page} answered ${response.status}`);
}
