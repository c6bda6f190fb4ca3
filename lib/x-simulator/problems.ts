/**
 * The simulator's error answers, shaped like X's: RFC 7807 problems for v2 errors and the legacy
 * `{errors: [{code, message}]}` for paths that do not exist.
 */
export type Reply = {
  status: number;
  body: unknown;
  /** Problems get the configured problem content type; everything else is application/json. */
  problem?: boolean;
  headers?: Record<string, string>;
};

const PROBLEMS = "https://api.x.com/2/problems/";

function problem(status: number, fields: Record<string, unknown>): Reply {
  return { status, problem: true, body: { ...fields, status } };
}

export type ParameterIssue = { parameter: string; value: unknown; message: string };

export const problems = {
  unauthorized: () => problem(401, { title: "Unauthorized", type: "about:blank", detail: "Unauthorized" }),

  unsupportedAuthentication: () =>
    problem(403, {
      title: "Unsupported Authentication",
      type: `${PROBLEMS}unsupported-authentication`,
      detail:
        "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
    }),

  clientNotEnrolled: (clientId: string) =>
    problem(403, {
      client_id: clientId,
      title: "Client Forbidden",
      type: `${PROBLEMS}client-forbidden`,
      reason: "client-not-enrolled",
      required_enrollment: "Appropriate Level of API Access",
      registration_url: "https://developer.x.com/en/portal/product",
      detail:
        "When authenticating requests to the X API v2 endpoints, you must use keys and tokens from an X developer App that is attached to a Project with Community Notes access.",
    }),

  notNoteWriter: () =>
    problem(403, { title: "Forbidden", type: "about:blank", detail: "User must be an API Note Writer to access this endpoint." }),

  notAdmitted: () =>
    problem(403, {
      title: "Forbidden",
      type: "about:blank",
      detail: "User is not authorized to use test_mode=false. Only admitted AI Note Writers may access the live feed and write production notes.",
    }),

  duplicateNote: () =>
    problem(403, { title: "Forbidden", type: "about:blank", detail: "User already created a note for this post." }),

  forbidden: (detail: string) => problem(403, { title: "Forbidden", type: "about:blank", detail }),

  /** X's v2 validation answer: a generic top-level problem, the specifics in errors[]. */
  invalidRequest: (issues: readonly ParameterIssue[]) =>
    problem(400, {
      title: "Invalid Request",
      type: `${PROBLEMS}invalid-request`,
      detail: "One or more parameters to your request was invalid.",
      errors: issues.map((issue) => ({
        parameters: { [issue.parameter]: [issue.value === undefined ? "" : String(issue.value)] },
        message: issue.message,
      })),
    }),

  notFound: (resourceType: string, parameter: string, id: string) =>
    problem(404, {
      title: "Not Found Error",
      type: `${PROBLEMS}resource-not-found`,
      detail: `Could not find ${resourceType} with ${parameter}: [${id}].`,
      resource_type: resourceType,
      resource_id: id,
      parameter,
      value: id,
    }),

  tooManyRequests: () => problem(429, { title: "Too Many Requests", type: "about:blank", detail: "Too Many Requests" }),

  serverError: (status: number) =>
    problem(status, {
      title: status === 503 ? "Service Unavailable" : "Internal Server Error",
      type: "about:blank",
      detail: status === 503 ? "Service Unavailable" : "Internal Server Error",
    }),

  pageDoesNotExist: (): Reply => ({ status: 404, body: { errors: [{ message: "Sorry, that page does not exist", code: 34 }] } }),
};
