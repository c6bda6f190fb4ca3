import "server-only";

import { appXClient, type XClient } from "@/lib/x";

/**
 * The two X calls submission needs. lib/x's client fits as is; tests pass a fake, or the real client
 * pointed at the simulator.
 */
export type NoteSender = Pick<XClient, "createNote"> & {
  /** The writer's note on the post, if notes_written lists one: how an unknown outcome is settled. */
  findWrittenNoteForPost(postId: string, testMode: boolean): Promise<{ id: string } | null>;
};

/** The configured X client (the simulator in the demo); DomainError "unavailable" when X is not configured. */
export function appNoteSender(): NoteSender {
  return appXClient();
}
