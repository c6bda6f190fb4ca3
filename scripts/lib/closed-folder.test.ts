import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { firstFolderClosedToOthers } from "./closed-folder";

const root = await mkdtemp(join(tmpdir(), "notedesk-closed-"));
afterAll(() => rm(root, { recursive: true, force: true }));

describe("firstFolderClosedToOthers", () => {
  it("names the outermost folder others cannot enter", async () => {
    const open = join(root, "open");
    const closed = join(open, "closed");
    await mkdir(join(closed, "inner"), { recursive: true });
    await chmod(root, 0o755);
    await chmod(open, 0o755);
    await chmod(closed, 0o700);
    expect(await firstFolderClosedToOthers(join(closed, "inner", "bin"))).toBe(closed);
    await chmod(open, 0o700);
    expect(await firstFolderClosedToOthers(join(closed, "inner", "bin"))).toBe(open);
  });

  it("is null when every folder lets others through, and stops at folders not made yet", async () => {
    const modes: Record<string, number> = { "/": 0o755, "/srv": 0o711, "/srv/app": 0o755 };
    const mode = async (path: string) => {
      if (!(path in modes)) throw new Error("ENOENT");
      return modes[path]!;
    };
    expect(await firstFolderClosedToOthers("/srv/app/.data/postgres", mode)).toBeNull();
    modes["/srv"] = 0o750;
    expect(await firstFolderClosedToOthers("/srv/app/.data/postgres", mode)).toBe("/srv");
  });
});
