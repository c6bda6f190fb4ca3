import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { startXSimulator, type XSimulator } from "./server";

let sim: XSimulator;
beforeEach(async () => {
  sim = await startXSimulator();
});
afterEach(() => sim.stop());

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}/_sim${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, type, body: type.startsWith("application/json") ? ((await response.json()) as unknown) : await response.text() };
}

describe("the control API over HTTP", () => {
  it("reports state, admits writers, advances the clock and resets", async () => {
    const before = (await control("GET", "/state")).body as { writers: { id: string; admitted: boolean }[]; feeds: { liveReleased: number } };
    const writerId = before.writers[0]?.id ?? "";
    expect(before.writers[0]?.admitted).toBe(false);
    expect((await control("POST", `/writers/${writerId}/admit`)).status).toBe(200);
    const advanced = (await control("POST", "/clock/advance", { ms: 60 * 60_000 })).body as { feeds: { liveReleased: number }; writers: { admitted: boolean }[] };
    expect(advanced.feeds.liveReleased).toBe(before.feeds.liveReleased + 10);
    expect(advanced.writers[0]?.admitted).toBe(true);
    await control("POST", "/reset");
    expect(((await control("GET", "/state")).body as typeof before).writers[0]?.admitted).toBe(false);
  });

  it("adds, lists and removes faults, validating them", async () => {
    const added = await control("POST", "/faults", { route: "create_note", fault: { kind: "fail_after_commit", then: "timeout" } });
    expect(added).toMatchObject({ status: 201, body: { id: expect.any(String) } });
    expect((await control("GET", "/faults")).body).toEqual([
      { id: (added.body as { id: string }).id, seen: 0, rule: { route: "create_note", fault: { kind: "fail_after_commit", then: "timeout" }, schedule: { kind: "once" } } },
    ]);
    expect((await control("POST", "/faults", { route: "create_note", fault: { kind: "meteor" } })).status).toBe(400);
    expect((await control("DELETE", `/faults/${(added.body as { id: string }).id}`)).status).toBe(200);
    expect((await control("GET", "/faults")).body).toEqual([]);
  });

  it("switches response variants, refusing unknown ones", async () => {
    expect((await control("PATCH", "/variants", { testResult: "flat", createStatus: 200 })).body).toMatchObject({ testResult: "flat", createStatus: 200 });
    expect((await control("PATCH", "/variants", { testResult: "nested" })).status).toBe(400);
    expect((await control("PATCH", "/variants", { colour: "blue" })).status).toBe(400);
  });

  it("toggles writer and app flags", async () => {
    const { writers } = (await control("GET", "/state")).body as { writers: { id: string }[] };
    expect((await control("PATCH", `/writers/${writers[0]?.id}`, { noteWriter: false })).status).toBe(200);
    expect((await control("PATCH", "/writers/nobody", { noteWriter: false })).status).toBe(400);
    expect((await control("PUT", "/app", { enrolled: false })).status).toBe(200);
    expect(((await control("GET", "/state")).body as { app: { enrolled: boolean } }).app.enrolled).toBe(false);
  });

  it("lists posts, notes and requests", async () => {
    const posts = (await control("GET", "/posts?test_mode=true")).body as { id: string; lang: string }[];
    expect(posts).toHaveLength(120);
    expect((await control("GET", "/posts?test_mode=false")).body).toHaveLength(160);
    expect((await control("GET", "/notes")).body).toEqual([]);
    expect((await control("GET", "/requests")).body).toEqual([]);
  });

  it("serves placeholder images for simulated media", async () => {
    const image = await control("GET", "/media/3_123.svg");
    expect(image.type).toBe("image/svg+xml");
    expect(image.body).toContain("Simulated photo");
    expect((await control("GET", "/nothing")).status).toBe(404);
  });
});
