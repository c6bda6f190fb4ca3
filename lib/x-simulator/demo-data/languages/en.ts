import type { LanguagePack } from "../language-pack";

export const english: LanguagePack = {
  lang: "en",
  weight: 40,
  names: {
    first: ["Lena", "Marcus", "Priya", "Owen", "Dana", "Felix", "Harriet", "Sam"],
    last: ["Hartwig", "Okoro", "Delaney", "Brightwater", "Kowalski", "Ashford", "Mbeki", "Thornton"],
  },
  slots: {
    place: ["Port Alder", "Brennick", "Eastmoor", "Valmora", "Kessington", "Lake Orrin"],
    org: [
      "the Northbridge Water Authority",
      "Kestrel Pharmaceuticals",
      "Harlow Transit",
      "the Valmora Health Board",
      "Orrin Energy",
      "Brennick City Council",
    ],
    person: [
      "Mayor Elena Voss",
      "Senator Tom Ridley",
      "Dr. Amara Okafor",
      "coach Phil Dunmore",
      "CEO Marcus Hale",
      "Minister Grace Lin",
    ],
    topic: ["bus fares", "water bills", "rents", "school lunch prices", "electricity prices", "parking fines"],
    product: ["the new flu vaccine", "the Kestrel K2 phone", "oat milk", "e-scooters", "the four-day week", "the new bridge"],
    event: ["the budget hearing", "a press conference", "the town hall", "a podcast interview", "the league final"],
    month: ["March", "April", "June", "September", "November"],
    quote: [
      "We never promised lower taxes",
      "The river is safe to swim in again",
      "Crime is down 40% since I took office",
      "Nobody was told about the closures",
      "The vaccine was never tested on children",
    ],
  },
  templates: {
    claim_number: [
      "{org} just raised {topic} by {pct}% overnight. Biggest jump since {year}. Nobody voted for this.",
      "{n} people were hospitalised after taking {product} in {place}, local doctors say. Why is no one reporting this?",
      "Official figures: {place} now has {n} empty homes and {n2} families on the waiting list.",
    ],
    quote: [
      "\"{quote}\" — {person}, speaking at {event} yesterday.",
      "So {person} said \"{quote}\" at {event}. Screenshot before they delete it.",
    ],
    entity_claim: [
      "{org} has confirmed it will shut all {n} of its offices in {place} by {month}.",
      "BREAKING: {person} has resigned after the {place} audit. Sources inside {org} confirm.",
    ],
    opinion: [
      "Honestly {topic} in {place} are a joke. Whoever is running {org} should be embarrassed.",
      "Unpopular opinion: {product} is overrated and everyone pretending otherwise is lying to themselves.",
    ],
    prediction: [
      "Mark my words: {org} will be bankrupt before {year}. You heard it here first.",
      "By {month} {topic} in {place} will have doubled. Screenshot this.",
    ],
    satire: [
      "{place} council votes to replace all traffic lights with motivational posters. Drivers report feeling \"seen\". #satire",
      "Local man who read one headline now the world's leading expert on {product}, sources confirm (The Daily Spoon)",
    ],
    media_claim: [
      "This is {place} this morning. They told us the flooding was \"under control\".",
      "Video from {event}: watch {person} dodge the question about {topic}.",
      "Photo taken today outside the {org} offices in {place}. The queue goes round the block.",
    ],
  },
  longSentences: [
    "Thread time, because nobody else will say it.",
    "{org} published its annual report last week and buried the important part on page {n}.",
    "According to that page, {topic} in {place} rose {pct}% while wages stayed flat.",
    "{person} called the increase \"temporary\" at {event}, but the same word was used in {year}.",
    "Meanwhile {n2} households applied for hardship support, more than the previous three years combined.",
    "If you live in {place}, ask your representatives why this was never debated in public.",
    "I have put the figures below so you can check them yourself.",
  ],
  noteRequests: [
    "The percentage in this post does not match the official report.",
    "This quote appears to be taken out of context.",
    "The photo is from a different year.",
    "This is satire but people are sharing it as real news.",
    "Needs context: the figure counts something different.",
  ],
  altTexts: [
    "A flooded street in {place} with cars half under water",
    "A long queue of people outside an office building",
    "A chart showing a sharp rise over five years",
    "A crowded town hall meeting",
  ],
  bios: ["Local news junkie.", "Opinions my own.", "Retired teacher, keen cyclist.", "I read the reports so you don't have to."],
};
