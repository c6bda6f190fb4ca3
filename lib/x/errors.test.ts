import { describe, expect, it } from "vitest";

import { classifyHttpError, XApiError } from "./errors";
import { problemsFromBody, type XProblem } from "./problem";

const problem = (fields: Partial<XProblem>): XProblem => ({
  type: null,
  title: null,
  detail: null,
  status: null,
  parameter: null,
  value: null,
  reason: null,
  code: null,
  ...fields,
});

describe("problemsFromBody", () => {
  it("reads an RFC 7807 problem body", () => {
    expect(problemsFromBody({ type: "about:blank", title: "Unauthorized", status: 401, detail: "Unauthorized" })).toEqual([
      problem({ type: "about:blank", title: "Unauthorized", status: 401, detail: "Unauthorized" }),
    ]);
  });

  it("reads legacy {code, message} errors", () => {
    expect(problemsFromBody({ errors: [{ code: 34, message: "Sorry, that page does not exist" }] })).toEqual([
      problem({ code: 34, detail: "Sorry, that page does not exist" }),
    ]);
  });

  it("reads X's v2 validation shape, top-level problem first, parameter and value from `parameters`", () => {
    const problems = problemsFromBody({
      title: "Invalid Request",
      type: "https://api.x.com/2/problems/invalid-request",
      detail: "One or more parameters to your request was invalid.",
      errors: [{ parameters: { max_results: ["500"] }, message: "The `max_results` query parameter value [500] is not between 1 and 100" }],
    });
    expect(problems.map((p) => p.detail)).toEqual([
      "One or more parameters to your request was invalid.",
      "The `max_results` query parameter value [500] is not between 1 and 100",
    ]);
    expect(problems[1]).toMatchObject({ parameter: "max_results", value: "500" });
  });

  it("reads client-forbidden with its reason, and yields nothing for bodies that are no problem", () => {
    expect(problemsFromBody({ title: "Client Forbidden", reason: "client-not-enrolled", type: "https://api.x.com/2/problems/client-forbidden" })[0]).toMatchObject({
      reason: "client-not-enrolled",
    });
    expect(problemsFromBody("<html>bad gateway</html>")).toEqual([]);
    expect(problemsFromBody({ errors: [42, { nothing: true }] })).toEqual([]);
  });
});

describe("classifyHttpError", () => {
  const cases: [string, number, XProblem[], { testMode?: boolean }, string][] = [
    ["401", 401, [problem({ title: "Unauthorized" })], {}, "unauthorized"],
    ["not a note writer", 403, [problem({ detail: "User must be an API Note Writer to access this endpoint." })], {}, "not_note_writer"],
    ["client-not-enrolled", 403, [problem({ reason: "client-not-enrolled" })], {}, "client_not_enrolled"],
    ["client-forbidden type", 403, [problem({ type: "https://api.x.com/2/problems/client-forbidden" })], {}, "client_not_enrolled"],
    ["app-only token", 403, [problem({ type: "https://api.x.com/2/problems/unsupported-authentication" })], {}, "unauthorized"],
    ["duplicate note (any status)", 400, [problem({ detail: "User already created a note for this post." })], {}, "duplicate_note"],
    ["duplicate note as 403", 403, [problem({ detail: "User already created a note for this post." })], { testMode: false }, "duplicate_note"],
    ["production before admission", 403, [problem({ detail: "anything" })], { testMode: false }, "not_admitted"],
    ["other 403 in test mode", 403, [], { testMode: true }, "forbidden"],
    ["429", 429, [], {}, "rate_limited"],
    ["400", 400, [], {}, "validation"],
    ["404", 404, [], {}, "not_found"],
    ["503", 503, [], {}, "server_error"],
    ["409", 409, [], {}, "http_error"],
  ];
  it.each(cases)("%s", (_, status, problems, context, kind) => {
    expect(classifyHttpError(status, problems, context)).toBe(kind);
  });
});

describe("XApiError", () => {
  it("exposes the problem fields, every detail in the message, and plain-words help", () => {
    const error = new XApiError({
      kind: "validation",
      endpoint: "POST /2/notes",
      httpStatus: 400,
      problems: [
        problem({ type: "https://api.x.com/2/problems/invalid-request", title: "Invalid Request", detail: "One or more parameters to your request was invalid." }),
        problem({ detail: "[info.text] must contain at least one http(s) URL", parameter: "info.text", value: "no link" }),
      ],
    });
    expect(error).toMatchObject({
      kind: "validation",
      httpStatus: 400,
      type: "https://api.x.com/2/problems/invalid-request",
      title: "Invalid Request",
      parameter: "info.text",
      value: "no link",
    });
    expect(error.message).toContain("must contain at least one http(s) URL");
    expect(error.explanation).toMatch(/invalid/);
    expect(error.fix).toMatch(/URL/);
  });

  it("explains the documented cases specifically", () => {
    const explain = (kind: XApiError["kind"], problems: XProblem[] = []) =>
      new XApiError({ kind, endpoint: "GET /x", httpStatus: 403, problems });
    expect(explain("unauthorized").fix).toMatch(/X_API_KEY/);
    expect(explain("not_note_writer").explanation).toMatch(/not registered as an AI Note Writer/);
    expect(explain("client_not_enrolled").fix).toMatch(/project/);
    expect(explain("duplicate_note").fix).toMatch(/cannot get a second note/);
    expect(explain("not_admitted").explanation).toMatch(/test_mode=false/);
    expect(explain("rate_limited").explanation).toMatch(/90 requests per 15 minutes/);
    expect(explain("unauthorized", [problem({ type: "https://api.x.com/2/problems/unsupported-authentication" })]).explanation).toMatch(/app-only/);
    expect(explain("rate_limited", [problem({ type: "https://api.x.com/2/problems/usage-capped" })]).explanation).toMatch(/monthly/);
  });

  it("keeps everything but the attempt count when copied withAttempts", () => {
    const original = new XApiError({ kind: "timeout", endpoint: "GET /x", httpStatus: null, message: "no answer" });
    const copy = original.withAttempts(3);
    expect(copy).toMatchObject({ kind: "timeout", endpoint: "GET /x", attempts: 3, message: original.message });
  });
});
