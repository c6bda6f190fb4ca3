/**
 * The subjects the offline drafter recognises, each with a reference page to cite when the post's
 * note requests supply no link. Every source is on the reference-domain list, so these citations
 * never trip the "unfamiliar link" injection flag.
 */
export type Topic = { label: string; keywords: RegExp; source: string; publisher: string };

export const topics: readonly Topic[] = [
  {
    label: "public health",
    keywords: /\b(vaccines?|virus|covid|measles|disease|pandemic|flu|cancer|outbreak|infections?)\b/i,
    source: "https://www.who.int/news-room/fact-sheets",
    publisher: "the World Health Organization",
  },
  {
    label: "weather and climate records",
    keywords: /\b(climate|temperatures?|warming|hurricanes?|floods?|flooding|wildfires?|heatwave|storms?|tornado|drought)\b/i,
    source: "https://www.noaa.gov/news",
    publisher: "NOAA",
  },
  {
    label: "space missions",
    keywords: /\b(nasa|moon|mars|rockets?|satellites?|asteroids?|spacex|orbit|astronauts?)\b/i,
    source: "https://www.nasa.gov/news/",
    publisher: "NASA",
  },
  {
    label: "economic statistics",
    keywords: /\b(inflation|gdp|unemployment|recession|economy|wages|interest rates?|jobs report)\b/i,
    source: "https://www.imf.org/en/Data",
    publisher: "the International Monetary Fund",
  },
  {
    label: "earthquakes",
    keywords: /\b(earthquakes?|quake|magnitude|tsunami|seismic)\b/i,
    source: "https://earthquake.usgs.gov/earthquakes/map/",
    publisher: "the U.S. Geological Survey",
  },
  {
    label: "elections",
    keywords: /\b(elections?|ballots?|voters?|voting|polling stations?|electoral)\b/i,
    source: "https://www.reuters.com/fact-check/",
    publisher: "Reuters Fact Check",
  },
  {
    label: "armed conflicts",
    keywords: /\b(war|military|missiles?|troops|airstrikes?|army|invasion)\b/i,
    source: "https://apnews.com/world-news",
    publisher: "the Associated Press",
  },
];

export function topicOf(texts: readonly string[]): Topic | null {
  return topics.find((topic) => texts.some((text) => topic.keywords.test(text))) ?? null;
}
