import type { ResponseVariants } from "../variants";
import type { ApiRoute } from "./context";
import { createNote } from "./create-note";
import { deleteNote } from "./delete-note";
import { eligiblePosts } from "./eligible-posts";
import { evaluateNote } from "./evaluate-note";
import { notesWritten } from "./notes-written";

const evaluatePaths: Record<ResponseVariants["evaluatePaths"], RegExp[]> = {
  both: [/^\/2\/evaluate_note$/, /^\/2\/notes\/evaluate$/],
  evaluate_note: [/^\/2\/evaluate_note$/],
  notes_evaluate: [/^\/2\/notes\/evaluate$/],
};

/** The five endpoints, with evaluate_note at the path(s) the current variant offers. */
export function apiRoutes(variants: ResponseVariants): ApiRoute[] {
  return [
    { name: "eligible_posts", method: "GET", path: /^\/2\/notes\/search\/posts_eligible_for_notes$/, handle: eligiblePosts },
    { name: "notes_written", method: "GET", path: /^\/2\/notes\/search\/notes_written$/, handle: notesWritten },
    ...evaluatePaths[variants.evaluatePaths].map((path) => ({ name: "evaluate_note" as const, method: "POST" as const, path, handle: evaluateNote })),
    { name: "create_note", method: "POST", path: /^\/2\/notes$/, handle: createNote },
    { name: "delete_note", method: "DELETE", path: /^\/2\/notes\/([^/]+)$/, handle: deleteNote },
  ];
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function matchRoute(variants: ResponseVariants, method: string, pathname: string): { route: ApiRoute; params: string[] } | null {
  for (const route of apiRoutes(variants)) {
    const match = route.method === method ? route.path.exec(pathname) : null;
    const params = match?.slice(1).map(decodeSegment);
    if (params && params.every((p): p is string => p !== null)) return { route, params };
  }
  return null;
}
