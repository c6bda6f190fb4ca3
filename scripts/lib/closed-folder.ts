import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

type ModeOf = (path: string) => Promise<number>;

const modeOf: ModeOf = async (path) => (await stat(path)).mode;

/**
 * The first folder on the way to `path` that other users may not enter (no execute bit for
 * "others"), or null when every existing one is open. Folders that do not exist yet end the walk:
 * whoever creates them chooses their mode.
 */
export async function firstFolderClosedToOthers(path: string, mode: ModeOf = modeOf): Promise<string | null> {
  const folders: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const bits = await mode(folder).catch(() => null);
    if (bits === null) return null;
    if ((bits & 0o001) === 0) return folder;
  }
  return null;
}
