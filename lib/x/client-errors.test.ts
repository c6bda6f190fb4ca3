import { afterEach, describe, expect, it } from "vitest";

import { demoCredentials, startXSimulator } from "@/lib/x-simulator";

import { XApiError } from "./errors";
import { demoOAuth1, startSimulatedClient, type SimulatedClient } from "./test-support";

let ctx: SimulatedClient;
afterEach(() => ctx.sim.stop());

async function failure(promise: Promise<unknown>): Promise<XApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XApiError);
  return error as XApiError;
}

const eligible = (client: SimulatedClient["client"]) => client.getEligiblePosts({ testMode: true });

describe("authentication errors", () => {
  it("reports a wrong secret as unauthorized, with what to check", async () => {
    ctx = await startSimulatedClient();
    const error = await failure(eligible(ctx.clientWith({ auth: { ...demoOAuth1, consumerSecret: "wrong" } as typeof demoOAuth1 })));
    expect(error).toMatchObject({ kind: "unauthorized", httpStatus: 401, title: "Unauthorized", attempts: 1 });
    expect(error.fix).toMatch(/X_API_KEY_SECRET/);
    expect(ctx.sim.control.requests()[0]?.note).toMatch(/signature mismatch/);
  });

  it("reports an unknown access token and a clock far off as unauthorized", async () => {
    ctx = await startSimulatedClient();
    expect((await failure(eligible(ctx.clientWith({ auth: { ...demoOAuth1, accessToken: "nobody" } as typeof demoOAuth1 })))).kind).toBe("unauthorized");
    const skewed = ctx.clientWith({ now: () => ctx.clock.now() + 10 * 60_000 });
    expect((await failure(eligible(skewed))).kind).toBe("unauthorized");
    expect(ctx.sim.control.requests()[1]?.note).toMatch(/timestamp/);
  });

  it("explains that app-only bearer tokens are refused", async () => {
    ctx = await startSimulatedClient();
    const error = await failure(eligible(ctx.clientWith({ auth: { kind: "oauth2", userAccessToken: demoCredentials.appOnlyBearerToken } })));
    expect(error).toMatchObject({ kind: "unauthorized", httpStatus: 403 });
    expect(error.explanation).toMatch(/app-only/);
  });

  it("reports an account that is not an AI Note Writer", async () => {
    ctx = await startSimulatedClient();
    ctx.sim.control.updateWriter(demoCredentials.writer.id, { noteWriter: false });
    const error = await failure(eligible(ctx.client));
    expect(error).toMatchObject({ kind: "not_note_writer", httpStatus: 403, detail: "User must be an API Note Writer to access this endpoint." });
  });

  it("reports an app outside a Community Notes project as client_not_enrolled", async () => {
    ctx = await startSimulatedClient();
    ctx.sim.control.setAppEnrolled(false);
    const error = await failure(eligible(ctx.client));
    expect(error).toMatchObject({ kind: "client_not_enrolled", httpStatus: 403, reason: "client-not-enrolled", title: "Client Forbidden" });
  });
});

describe("response errors", () => {
  it("reads problems sent as application/json as well as application/problem+json", async () => {
    ctx = await startSimulatedClient({ variants: { problemContentType: "application/json" } });
    expect((await failure(ctx.client.getEligiblePosts({ testMode: true, maxResults: 0 }))).kind).toBe("validation");
  });

  it("reads the legacy {code, message} answer of a path that does not exist", async () => {
    ctx = await startSimulatedClient();
    const error = await failure(eligible(ctx.clientWith({ baseUrl: `${ctx.sim.url}/v9` })));
    expect(error).toMatchObject({ kind: "not_found", httpStatus: 404, detail: "Sorry, that page does not exist" });
    expect(error.problems[0]?.code).toBe(34);
  });

  it("reports a body that is not JSON as malformed", async () => {
    ctx = await startSimulatedClient({ faults: [{ route: "notes_written", fault: { kind: "malformed_body", form: "truncated_json" } }] });
    const error = await failure(ctx.client.getNotesWritten({ testMode: true }));
    expect(error).toMatchObject({ kind: "malformed_response", fieldPath: "(body)", httpStatus: 200 });
  });

  it("names the field of a well-formed body that fits no documented shape", async () => {
    ctx = await startSimulatedClient({ faults: [{ route: "evaluate_note", fault: { kind: "malformed_body", form: "wrong_shape" } }] });
    const postId = ctx.sim.control.posts(true)[0]?.id ?? "";
    const error = await failure(ctx.client.evaluateNote({ noteText: "Context https://stats.valmora.gov/a", postId }));
    expect(error).toMatchObject({ kind: "malformed_response", fieldPath: "data.claim_opinion_score" });
    expect(error.message).toContain("data.claim_opinion_score");
  });

  it("reports a network failure when nothing listens", async () => {
    ctx = await startSimulatedClient();
    const gone = await startXSimulator();
    await gone.stop();
    const client = ctx.clientWith({ baseUrl: gone.url, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    expect(await failure(eligible(client))).toMatchObject({ kind: "network", httpStatus: null, attempts: 2 });
  });
});
