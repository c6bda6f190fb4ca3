import type { Random } from "../random";

/** Invented outlets and agencies: plausible-looking https sources for suggested links and expanded t.co URLs. */
const outlets = [
  "stats.valmora.gov",
  "www.northbridge-herald.com",
  "data.portalder.org",
  "archive.kessington-library.org",
  "www.eastmoor-gazette.co.uk",
  "factcheck.orrin-news.com",
  "www.diariocostaluz.es",
  "www.rivebelle-info.fr",
  "www.falkenbruecker-anzeiger.de",
  "www.jornalportoalvaro.com.br",
  "www.kohnan-shimbun.jp",
] as const;

const paths = [
  "/reports/2025/annual-summary",
  "/news/2026/01/council-budget-vote",
  "/data/housing-waiting-list",
  "/press/statement-on-service-changes",
  "/factcheck/viral-quote-context",
  "/archive/2019/flood-photos",
] as const;

const shorteners = ["bit.ly", "tinyurl.com"] as const;

export function sourceUrl(random: Random): string {
  return `https://${random.pick(outlets)}${random.pick(paths)}`;
}

/** Mostly good sources, some plain http and some shortened links, as readers really suggest them. */
export function suggestedSourceUrl(random: Random): string {
  const roll = random.next();
  if (roll < 0.1) return `http://${random.pick(outlets)}${random.pick(paths)}`;
  if (roll < 0.2) return `https://${random.pick(shorteners)}/${shortCode(random, 7)}`;
  return sourceUrl(random);
}

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function shortCode(random: Random, length: number): string {
  return Array.from({ length }, () => random.pick([...ALPHANUMERIC])).join("");
}
