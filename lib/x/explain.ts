import type { XErrorKind } from "./errors";
import type { XProblem } from "./problem";

type Explanation = { explanation: string; fix: string };

const byKind: Record<XErrorKind, Explanation> = {
  unauthorized: {
    explanation: "X did not accept the credentials (HTTP 401): the keys or tokens are wrong, revoked or expired.",
    fix: "Check the four OAuth 1.0a values (X_API_KEY, X_API_KEY_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET) or the OAuth 2.0 user token in the X developer portal, regenerate them if needed, and make sure the server clock is correct.",
  },
  not_note_writer: {
    explanation: "The X account behind the access token is not registered as an AI Note Writer.",
    fix: "Sign up the account for the AI Note Writer API in the Community Notes settings, or use the access token of the account that is registered.",
  },
  client_not_enrolled: {
    explanation: "The X developer app is not attached to a project with Community Notes API access (client-not-enrolled).",
    fix: "In the X developer portal, move the app into the project that has AI Note Writer access, then regenerate its keys.",
  },
  not_admitted: {
    explanation: "Production (test_mode=false) is refused until X admits this writer; until then only test mode works.",
    fix: "Keep writing test notes: X admits writers whose last 50 test notes score well (ClaimOpinion high ≥ 30%, low ≤ 30%, UrlValidity high ≥ 95%, HarassmentAbuse high ≥ 98%) and tells them by email.",
  },
  forbidden: {
    explanation: "X refused the request for this account (HTTP 403).",
    fix: "Read X's detail below; it usually names the missing permission or app setting.",
  },
  duplicate_note: {
    explanation: "This writer already has a note on this post, and X allows only one note per post per writer.",
    fix: "Nothing to resend: look the existing note up in Notes written. The post cannot get a second note from this writer.",
  },
  rate_limited: {
    explanation: "The writer's X rate limit is used up: 90 requests per 15 minutes across the notes endpoints and 250 notes per day.",
    fix: "Wait until the reset time, then try again. Notedesk pauses by itself instead of retrying early.",
  },
  validation: {
    explanation: "X rejected the request as invalid (HTTP 400).",
    fix: "Read the parameter and detail below and correct that field (note text 1–280 characters with a URL, tags matching the classification).",
  },
  not_found: {
    explanation: "X could not find what the request refers to (HTTP 404): a deleted post or note, or a wrong id.",
    fix: "Refresh the post or note list; if it was deleted there is nothing to do.",
  },
  server_error: {
    explanation: "X had an internal error (HTTP 5xx).",
    fix: "Usually temporary: try again in a few minutes. For a note submission, check Notes written first, because the note may have been created.",
  },
  http_error: {
    explanation: "X answered with an unexpected HTTP status.",
    fix: "Try again later; if it persists, report the status and detail below.",
  },
  timeout: {
    explanation: "X did not answer in time.",
    fix: "Try again later. For a note submission, check Notes written first: the note may have been created before the connection was lost.",
  },
  network: {
    explanation: "The connection to X failed or was dropped before an answer arrived.",
    fix: "Check the network and X_API_BASE_URL. For a note submission, check Notes written first: the note may have been created.",
  },
  malformed_response: {
    explanation: "X answered with a response that matches none of the documented shapes.",
    fix: "Nothing was changed locally. If it persists, X has changed its response format: report the field named below.",
  },
};

/** Plain words for the operator, sharpened when X's problem names a specific cause. */
export function explain(kind: XErrorKind, problem: XProblem | undefined): Explanation {
  if (kind === "unauthorized" && problem?.type?.endsWith("/unsupported-authentication")) {
    return {
      explanation: "X refuses app-only bearer tokens for the notes endpoints: they need a user context.",
      fix: "Use OAuth 1.0a user credentials (all four X_* keys) or an OAuth 2.0 user access token with tweet.read and tweet.write.",
    };
  }
  if (kind === "rate_limited" && problem?.type?.endsWith("/usage-capped")) {
    return {
      explanation: "The developer app has used up its monthly X API usage cap.",
      fix: "Wait for the cap to reset or raise the plan in the X developer portal.",
    };
  }
  return byKind[kind];
}
