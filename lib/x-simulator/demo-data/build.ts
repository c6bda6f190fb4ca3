import { seededRandom, streamSeed, type Random } from "../random";
import { snowflake } from "../snowflake";
import { codePointLength, drawSlots, fill, truncateForText } from "./fill";
import { postKinds, type LanguagePack, type PostKind } from "./language-pack";
import { german } from "./languages/de";
import { english } from "./languages/en";
import { spanish } from "./languages/es";
import { french } from "./languages/fr";
import { japanese } from "./languages/ja";
import { portuguese } from "./languages/pt";
import { makeMedia } from "./media";
import { shortCode, sourceUrl, suggestedSourceUrl } from "./sources";
import type { DemoDataSet, DemoPost, DemoUser } from "./types";
import { buildUsers } from "./users";

export const languagePacks: readonly LanguagePack[] = [english, spanish, french, german, portuguese, japanese];

export const demoDataSizes = { testFeed: 120, liveFeed: 240, referenced: 70, deletedReferences: 14 } as const;

/** Fixed anchors keep the data set a pure function of the seed. */
const REFERENCED_ANCHOR_MS = Date.UTC(2025, 11, 15, 9);
const TEST_ANCHOR_MS = Date.UTC(2026, 0, 5, 8);
const LIVE_ANCHOR_MS = Date.UTC(2026, 0, 12, 0);
const LIVE_SPACING_MS = 6 * 60_000;

function pickLanguage(random: Random): LanguagePack {
  const total = languagePacks.reduce((sum, pack) => sum + pack.weight, 0);
  let roll = random.next() * total;
  for (const pack of languagePacks) {
    roll -= pack.weight;
    if (roll < 0) return pack;
  }
  return english;
}

function metrics(random: Random): Record<string, number> {
  const reach = 10 ** (2 + random.next() * 4);
  return {
    retweet_count: Math.round(reach * 0.02 * random.next()),
    reply_count: Math.round(reach * 0.01 * random.next()),
    like_count: Math.round(reach * 0.08 * random.next()),
    quote_count: Math.round(reach * 0.004 * random.next()),
    bookmark_count: Math.round(reach * 0.005 * random.next()),
    impression_count: Math.round(reach),
  };
}

type Context = {
  random: Random;
  users: DemoUser[];
  authorsByLang: Map<string, DemoUser[]>;
  sequence: () => number;
};

/** A thread-like post over 280 characters: the language's sentences in order, from a random one on. */
function longText(pack: LanguagePack, random: Random, values: Record<string, string>): string {
  const start = random.int(0, pack.longSentences.length - 1);
  const pool = [...pack.longSentences.slice(start), ...pack.longSentences.slice(0, start)];
  const separator = pack.lang === "ja" ? "" : " ";
  const sentences: string[] = [];
  while (codePointLength(sentences.join(separator)) <= 300 && pool.length > 0) {
    sentences.push(fill(pool.shift() ?? "", values));
  }
  return sentences.join(separator);
}

function makePost(ctx: Context, pack: LanguagePack, kind: PostKind, atMs: number): DemoPost {
  const { random } = ctx;
  const values = drawSlots(pack, random);
  const id = snowflake(atMs, ctx.sequence());
  const long = kind !== "satire" && random.chance(0.12) ? longText(pack, random, values) : null;
  const links = !long && random.chance(0.2) ? [{ shortUrl: `https://t.co/${shortCode(random, 10)}`, expandedUrl: sourceUrl(random) }] : [];
  const base = fill(random.pick(pack.templates[kind]), values);
  const authors = ctx.authorsByLang.get(pack.lang) ?? ctx.users;
  const media = makeMedia(kind, pack, random, atMs, ctx.sequence);
  return {
    id,
    text: long ? truncateForText(long) : [base, ...links.map((l) => l.shortUrl)].join(" "),
    longText: long,
    authorId: random.pick(authors).id,
    createdAtMs: atMs,
    lang: pack.lang,
    kind,
    media,
    references: [],
    noteRequests: random.chance(0.3)
      ? Array.from({ length: random.int(1, 3) }, (_, i) => ({
          suggestionId: snowflake(atMs + 60_000 * (i + 1), ctx.sequence()),
          suggestion: random.pick(pack.noteRequests),
          sourceLink: random.chance(0.5) ? suggestedSourceUrl(random) : null,
        }))
      : [],
    sourceLinks: random.chance(0.35)
      ? Array.from({ length: random.int(1, 3) }, () => ({
          url: suggestedSourceUrl(random),
          count: random.int(1, 12),
          legacyEntity: random.chance(0.3),
        }))
      : [],
    matchedMediaNotes:
      media.length > 0 && random.chance(0.09)
        ? [
            {
              noteId: snowflake(atMs - 86_400_000, ctx.sequence()),
              matchStatus: random.chance(0.35) ? "matched_and_shown" : "matched_but_not_shown",
            },
          ]
        : [],
    links,
    publicMetrics: metrics(random),
    feedTier: random.chance(0.55) ? 0 : random.chance(0.45) ? 1 : random.chance(0.6) ? 2 : 3,
  };
}

/** Quotes and replies point at an existing post of the same language, or now and then at a deleted one. */
function attachReferences(post: DemoPost, random: Random, referenced: DemoPost[], deletedIds: string[]): void {
  const roll = random.next();
  if (roll >= 0.34) return;
  const type = roll < 0.22 ? "quoted" : "replied_to";
  const sameLanguage = referenced.filter((r) => r.lang === post.lang && r.createdAtMs < post.createdAtMs);
  const target = random.chance(0.15) || sameLanguage.length === 0 ? random.pick(deletedIds) : random.pick(sameLanguage).id;
  post.references.push({ type, id: target });
}

function makeFeed(ctx: Context, count: number, timeOf: (i: number) => number, referenced: DemoPost[], deletedIds: string[]) {
  return Array.from({ length: count }, (_, i) => {
    const post = makePost(ctx, pickLanguage(ctx.random), ctx.random.pick(postKinds), timeOf(i));
    attachReferences(post, ctx.random, referenced, deletedIds);
    return post;
  });
}

/** The simulator's whole world, generated from templates: the same seed always gives the same posts. */
export function buildDemoData(seed: number): DemoDataSet {
  const random = seededRandom(streamSeed(seed, "demo-data"));
  const users = buildUsers(languagePacks, seededRandom(streamSeed(seed, "users")));
  const userList = [...users.values()];
  const authorsByLang = new Map(languagePacks.map((pack) => [pack.lang, userList.filter((u) => u.lang === pack.lang)]));
  let sequence = 0;
  const ctx: Context = { random, users: userList, authorsByLang, sequence: () => sequence++ };

  const referenced = Array.from({ length: demoDataSizes.referenced }, (_, i) =>
    makePost(ctx, pickLanguage(random), random.pick(["opinion", "claim_number", "quote", "media_claim"] as const), REFERENCED_ANCHOR_MS + i * 3 * 3_600_000),
  );
  const deletedIds = Array.from({ length: demoDataSizes.deletedReferences }, (_, i) =>
    snowflake(REFERENCED_ANCHOR_MS + i * 5 * 3_600_000 + 1_800_000, ctx.sequence()),
  );

  const testFeed = makeFeed(ctx, demoDataSizes.testFeed, (i) => TEST_ANCHOR_MS + i * 47 * 60_000 + random.int(0, 600_000), referenced, deletedIds);
  const liveFeed = makeFeed(ctx, demoDataSizes.liveFeed, (i) => LIVE_ANCHOR_MS + i * LIVE_SPACING_MS + random.int(0, LIVE_SPACING_MS - 1), referenced, deletedIds);

  return { testFeed, liveFeed, referenced: new Map(referenced.map((p) => [p.id, p])), users };
}
