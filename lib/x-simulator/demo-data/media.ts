import type { Random } from "../random";
import { snowflake } from "../snowflake";
import { drawSlots, fill } from "./fill";
import type { LanguagePack, PostKind } from "./language-pack";
import type { DemoMedia, DemoMediaType } from "./types";

const KEY_PREFIX: Record<DemoMediaType, string> = { photo: "3_", video: "7_", animated_gif: "16_" };

/** Roughly a third of real eligible posts carry video; media claims always carry a photo or video. */
function mediaPlan(kind: PostKind, random: Random): DemoMediaType[] {
  const roll = random.next();
  if (kind === "media_claim") {
    if (roll < 0.45) return Array.from({ length: random.int(1, 3) }, () => "photo" as const);
    return roll < 0.9 ? ["video"] : ["animated_gif"];
  }
  if (roll < 0.55) return [];
  if (roll < 0.7) return Array.from({ length: random.int(1, 2) }, () => "photo" as const);
  if (roll < 0.92) return ["video"];
  if (roll < 0.96) return ["animated_gif"];
  return ["photo", "video"];
}

export function makeMedia(
  kind: PostKind,
  pack: LanguagePack,
  random: Random,
  atMs: number,
  nextSequence: () => number,
): DemoMedia[] {
  return mediaPlan(kind, random).map((type) => {
    const landscape = random.chance(0.7);
    const altText =
      type === "photo" && random.chance(0.6)
        ? fill(random.pick(pack.altTexts), drawSlots(pack, random))
        : type === "animated_gif" && random.chance(0.5)
          ? "A looping animation of people applauding"
          : null;
    return {
      key: `${KEY_PREFIX[type]}${snowflake(atMs, nextSequence())}`,
      type,
      width: landscape ? 1280 : 720,
      height: landscape ? 720 : 1280,
      altText,
      durationMs: type === "video" ? random.int(6, 180) * 1000 : null,
      viewCount: type === "photo" ? null : random.int(200, 900_000),
    };
  });
}
