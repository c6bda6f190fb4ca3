import { liveRelease } from "../feed";
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

/** When each part of the data set starts: the referenced posts, the test feed, the live feed. */
type Anchors = { referencedMs: number; testMs: number; liveMs: number };

/** The undated data set's anchors: fixed, so that the same seed always gives the same posts and ids. */
const FIXED_ANCHORS: Anchors = {
  referencedMs: Date.UTC(2025, 11, 15, 9),
  testMs: Date.UTC(2026, 0, 5, 8),
  liveMs: Date.UTC(2026, 0, 12, 0),
};
const TEST_SPACING_MS = 47 * 60_000;
const TEST_JITTER_MS = 600_000;
// Matches the release rate, so on the simulator's first start each new live post is dated just before it appears.
const LIVE_SPACING_MS = liveRelease.intervalMs;

/** How long before `datedAsOf` a dated data set's newest test-feed post is at the latest. */
export const DATED_MARGIN_MS = 60_000;

/**
 * Anchors for a data set dated as of a moment: the test feed and the live feed's initially released posts
 * end in the minutes before it, and the referenced posts keep their distance before the test feed.
 */
function anchorsDatedAsOf(datedAsOf: number, users: readonly DemoUser[]): Anchors {
  const testSpanMs = (demoDataSizes.testFeed - 1) * TEST_SPACING_MS + TEST_JITTER_MS;
  const testMs = datedAsOf - DATED_MARGIN_MS - testSpanMs;
  const referencedMs = testMs - (FIXED_ANCHORS.testMs - FIXED_ANCHORS.referencedMs);
  // Written as "not after" so that NaN is refused too.
  if (!(referencedMs > Math.max(...users.map((u) => u.createdAtMs)))) {
    throw new RangeError(`datedAsOf ${datedAsOf} is too early: posts would predate the accounts that wrote them`);
  }
  return { referencedMs, testMs, liveMs: datedAsOf - liveRelease.initial * LIVE_SPACING_MS };
}

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

/**
 * The simulator's whole world, generated from templates: the same seed (and `datedAsOf`) always gives the
 * same posts. Without `datedAsOf` the posts are dated December 2025 to January 2026; with it, the same posts
 * are moved to end just before that moment (and so get other ids).
 */
export function buildDemoData(seed: number, datedAsOf?: number): DemoDataSet {
  const random = seededRandom(streamSeed(seed, "demo-data"));
  const users = buildUsers(languagePacks, seededRandom(streamSeed(seed, "users")));
  const userList = [...users.values()];
  const anchors = datedAsOf === undefined ? FIXED_ANCHORS : anchorsDatedAsOf(datedAsOf, userList);
  const authorsByLang = new Map(languagePacks.map((pack) => [pack.lang, userList.filter((u) => u.lang === pack.lang)]));
  let sequence = 0;
  const ctx: Context = { random, users: userList, authorsByLang, sequence: () => sequence++ };

  const referenced = Array.from({ length: demoDataSizes.referenced }, (_, i) =>
    makePost(ctx, pickLanguage(random), random.pick(["opinion", "claim_number", "quote", "media_claim"] as const), anchors.referencedMs + i * 3 * 3_600_000),
  );
  const deletedIds = Array.from({ length: demoDataSizes.deletedReferences }, (_, i) =>
    snowflake(anchors.referencedMs + i * 5 * 3_600_000 + 1_800_000, ctx.sequence()),
  );

  const testFeed = makeFeed(ctx, demoDataSizes.testFeed, (i) => anchors.testMs + i * TEST_SPACING_MS + random.int(0, TEST_JITTER_MS), referenced, deletedIds);
  const liveFeed = makeFeed(ctx, demoDataSizes.liveFeed, (i) => anchors.liveMs + i * LIVE_SPACING_MS + random.int(0, LIVE_SPACING_MS - 1), referenced, deletedIds);

  return { testFeed, liveFeed, referenced: new Map(referenced.map((p) => [p.id, p])), users };
}
