import type { Random } from "../random";
import { snowflake } from "../snowflake";
import type { LanguagePack } from "./language-pack";
import type { DemoUser } from "./types";

function asciiHandle(name: string): string {
  return name.normalize("NFD").replace(/[^A-Za-z]/g, "").toLowerCase();
}

/** Eight invented accounts per language, named from that language's name lists. */
export function buildUsers(packs: readonly LanguagePack[], random: Random): Map<string, DemoUser> {
  const users = new Map<string, DemoUser>();
  packs.forEach((pack, packIndex) => {
    pack.names.first.forEach((first, i) => {
      const last = pack.names.last[(i * 3 + 1) % pack.names.last.length] ?? "";
      const createdAtMs = Date.UTC(2012 + ((i + packIndex) % 12), (i * 5) % 12, 1 + i);
      const id = snowflake(createdAtMs, packIndex * 16 + i);
      const suffix = random.chance(0.5) ? String(random.int(1, 99)) : "";
      users.set(id, {
        id,
        lang: pack.lang,
        username: `${asciiHandle(first)}_${asciiHandle(last)}${suffix}`.slice(0, 15),
        name: `${first} ${last}`,
        description: random.pick(pack.bios),
        createdAtMs,
        verified: random.chance(0.15),
        followers: Math.round(10 ** random.int(1, 5) * (1 + random.next())),
      });
    });
  });
  return users;
}
