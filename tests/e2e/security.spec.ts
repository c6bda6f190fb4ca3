import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { CANARY_MARKER, secretCanaries } from "../security/canaries";
import { XSS_FIELDS, XSS_PASSWORD, xssAccounts, type XssSeed } from "../security/xss-seed";

/**
 * Issue #7, browser security, against a production server of its own (tests/security/xss-server.ts)
 * whose database is full of script and HTML payloads: they must render as text and never run; every
 * page carries a nonce-based Content-Security-Policy and the usual headers; the session cookie is
 * httpOnly and SameSite=Lax (and Secure with NOTEDESK_SECURE_COOKIES); next-auth's endpoints answer
 * strangers while the app's routes refuse them; and nothing the build serves contains a secret.
 */
test.describe.configure({ mode: "serial" });

type Server = XssSeed & { url: string; secureUrl: string };
let server: Server;
let child: ChildProcess;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const [port, securePort] = [await freePort(), await freePort()];
  child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("tests/security/xss-server.ts"), "--port", String(port), "--secure-port", String(securePort)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  server = await new Promise<Server>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.startsWith("XSS_SERVER_READY "));
      if (line) resolve(JSON.parse(line.slice("XSS_SERVER_READY ".length)) as Server);
    });
    child.once("exit", (code) => reject(new Error(`the XSS server exited (${code}) before it was ready`)));
  });
});

test.afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await gone;
});

async function signInAt(page: Page, baseUrl: string, account: keyof typeof xssAccounts) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email").fill(xssAccounts[account].email);
  await page.getByLabel("Password").fill(XSS_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue/);
}

/** What a page would show if a payload had become markup or script. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    flag: (window as unknown as { __xss?: string }).__xss ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll("svg[onload]").length,
    handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
    scripts: [...document.scripts].filter((s) => s.text.trim().startsWith("window.__xss")).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
}

/** Which payloads the page shows as plain text (in text, or in a form field's value). */
async function shownLiterally(page: Page): Promise<string[]> {
  return page.evaluate((fields) => {
    const fieldValues = [...document.querySelectorAll("textarea, input")].map((el) => (el as HTMLInputElement).value);
    const text = `${document.body.innerText}\n${fieldValues.join("\n")}`;
    return fields.filter((field) => text.includes(`<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`));
  }, [...XSS_FIELDS]);
}

test("script and HTML payloads in posts, notes, usernames and alt text render as text and never run", async ({ page }) => {
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAt(page, server.url, "admin");

  const pages = ["/queue", `/queue/${server.draftId}`, "/notes", `/notes/${server.noteId}`, "/notes/reviewers", "/runs", "/settings/users", "/settings/controls"];
  const seen = new Set<string>();
  const byPage: Record<string, string[]> = {};
  for (const path of pages) {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState("networkidle");
    expect(await injected(page), path).toEqual({ flag: null, images: 0, svgs: 0, handlers: 0, scripts: 0, jsLinks: 0 });
    byPage[path] = await shownLiterally(page);
    for (const field of byPage[path]) seen.add(field);
  }
  console.log(`[security] payloads shown literally: ${Object.entries(byPage).map(([p, f]) => `${p}: ${f.join(", ") || "—"}`).join(" | ")}`);

  // The places each kind of text is read: all shown, as typed.
  expect(byPage["/queue"]).toEqual(expect.arrayContaining(["post-text", "author-name"]));
  expect(byPage[`/queue/${server.draftId}`]).toEqual(expect.arrayContaining(["post-text", "author-name", "alt-text", "quoted-text", "quoted-user", "request-text", "note-text", "rationale", "suggestion", "user-name"]));
  expect(byPage["/notes"]).toEqual(expect.arrayContaining(["written-note"]));
  expect(byPage["/settings/users"]).toEqual(expect.arrayContaining(["user-name"]));
  expect(byPage["/runs"]).toEqual(expect.arrayContaining(["writer-name"]));
  expect(byPage["/settings/controls"]).toEqual(expect.arrayContaining(["writer-name"]));
  // The source links from X that are javascript: URLs are shown as text, not made into links.
  await page.goto(`${server.url}/queue/${server.draftId}`);
  await expect(page.locator("body")).toContainText(`x"><svg/onload=window.__xss='username'>`);
  await expect(page.getByText("javascript:window.__xss='source-link'")).toBeVisible();
  expect(dialogs).toEqual([]);
  // The planted javascript: media URL is neutralised by React and its replacement then refused by
  // img-src: that is the policy working. Anything else it refused would be the app's own code.
  expect(violations.filter((v) => !v.includes("'javascript:")), "the app itself needs nothing the policy blocks").toEqual([]);
});

test("every page carries a fresh nonce-based CSP and the usual security headers; API answers carry a deny-all policy", async ({ request }) => {
  const first = await request.get(`${server.url}/signin`);
  const second = await request.get(`${server.url}/signin`);
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives["script-src"]).toEqual(expect.arrayContaining([`'nonce-${nonce}'`, "'strict-dynamic'"]));
  expect(directives["script-src"]).not.toContain("'unsafe-inline'");
  expect(directives["script-src"]).not.toContain("'unsafe-eval'");
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["frame-ancestors"]).toEqual(["'none'"]);
  expect(directives["base-uri"]).toEqual(["'self'"]);
  expect(directives["form-action"]).toEqual(["'self'"]);
  expect(directives["default-src"]).toEqual(["'self'"]);
  // The inline theme script carries this response's nonce; Next.js's own scripts do too.
  const html = await first.text();
  expect(html).toContain(`<script nonce="${nonce}">try{var t=localStorage.getItem("notedesk-theme")`);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
  expect(scripts.length).toBeGreaterThan(1);
  expect(scripts.filter((attributes) => !attributes.includes(`nonce="${nonce}"`))).toEqual([]);

  for (const response of [first, await request.get(`${server.url}/api/auth/csrf`)]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
  const api = await request.get(`${server.url}/api/runs`);
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("the dark-mode script still runs under the policy", async ({ page }) => {
  await page.goto(`${server.url}/signin`);
  await page.evaluate(() => localStorage.setItem("notedesk-theme", "dark"));
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("the session cookie is httpOnly and SameSite=Lax, and Secure when NOTEDESK_SECURE_COOKIES is on", async ({ page, request }) => {
  await signInAt(page, server.url, "viewer");
  const session = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });

  // The same sign-in against the server started with NOTEDESK_SECURE_COOKIES=true.
  const csrf = await request.get(`${server.secureUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(csrfCookie.join("\n")).toMatch(/__Host-next-auth\.csrf-token=.*HttpOnly.*/i);
  const signedIn = await request.post(`${server.secureUrl}/api/auth/callback/credentials`, {
    form: { csrfToken, email: xssAccounts.viewer.email, password: XSS_PASSWORD, json: "true" },
    headers: { cookie: csrfCookie.map((c) => c.split(";")[0]).join("; ") },
    maxRedirects: 0,
  });
  const cookie = signedIn.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Secure-next-auth.session-token="))?.value ?? "";
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(cookie).toMatch(/;\s*Secure/i);
  expect(cookie).toMatch(/;\s*SameSite=Lax/i);
});

test("called directly, next-auth's endpoints answer strangers and the app's routes refuse them", async ({ request }) => {
  expect((await request.get(`${server.url}/api/auth/session`)).status()).toBe(200);
  expect((await request.get(`${server.url}/api/auth/csrf`)).status()).toBe(200);
  expect((await request.get(`${server.url}/api/auth/providers`)).status()).toBe(200);
  const refused = [
    await request.get(`${server.url}/api/runs`),
    await request.get(`${server.url}/api/notes/export`),
    await request.post(`${server.url}/queue/release?draftId=${server.draftId}`, { maxRedirects: 0 }),
  ];
  for (const response of refused) expect([401, 307]).toContain(response.status());
  expect(refused[0]?.status()).toBe(401);
  expect(refused[1]?.status()).toBe(401);
});

test("nothing the build serves to browsers contains a configured secret", () => {
  expect(existsSync(CANARY_MARKER), `${CANARY_MARKER} is missing: build with \`npm run test:e2e\` (tests/security/build-with-canaries.ts), which puts fake secrets in the build's environment`).toBe(true);
  const files = [...walk(".next/static"), ...walk(".next/server/app").filter((f) => /\.(html|rsc|body|meta|segment\.rsc)$/.test(f))];
  expect(files.length).toBeGreaterThan(10);
  const hits: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const [name, value] of Object.entries(secretCanaries)) if (text.includes(value)) hits.push(`${name} in ${file}`);
  }
  console.log(`[security] scanned ${files.length} client-served files (${(files.reduce((n, f) => n + statSync(f).size, 0) / 1024).toFixed(0)} KiB) for ${Object.keys(secretCanaries).length} secret values: ${hits.length} found`);
  expect(hits).toEqual([]);
});

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}
