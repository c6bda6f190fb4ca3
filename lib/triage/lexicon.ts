/**
 * The words triage reads a post by, per language. Rules of thumb in the open, so a reviewer can see
 * why a post was triaged as it was; the list is the whole method. Phrases match as whole words,
 * case-insensitively; Japanese ones as substrings (no spaces between words).
 *
 * Coverage: English and Spanish have full lists; French, German and Portuguese the common markers;
 * Japanese only a handful (and no named-entity detection: there is no capitalisation to read).
 * Numbers, quotations, links, media, note requests and suggested sources need no words at all.
 * A post in any other language, or without one, is read with every list at once.
 */

/** Strong cues weigh more than weak ones: "mark my words" says prediction, "will" only hints at it. */
export type CueTiers = { strong: readonly string[]; weak: readonly string[] };

export type Lexicon = {
  opinion: CueTiers;
  prediction: CueTiers;
  /** Satire outlets and tropes ("area man"); the word "satire" itself is in every language's list. */
  satire: readonly string[];
  /** Verbs and nouns that report a checkable event or source: "confirmed", "according to", "official". */
  claimVerbs: readonly string[];
  /** Words that tie attached media to a time or place ("this morning", "video from"): a claim about the media. */
  mediaDeixis: readonly string[];
};

const everyLanguageSatire = [
  "satire", "satirical", "parody", "sátira", "satírico", "satira", "parodia", "parodie", "paródia", "風刺", "パロディ",
];

const english: Lexicon = {
  opinion: {
    strong: [
      "i think", "i believe", "i feel like", "in my opinion", "in my view", "imo", "imho", "personally", "honestly",
      "frankly", "unpopular opinion", "hot take", "my take", "let's be honest", "if you ask me",
    ],
    weak: [
      "should", "shouldn't", "ought to", "overrated", "underrated", "embarrassing", "embarrassed", "disgrace",
      "disgraceful", "shameful", "ridiculous", "a joke", "pathetic", "terrible", "awful", "the best", "the worst",
      "i love", "i hate", "everyone knows",
    ],
  },
  prediction: {
    strong: [
      "mark my words", "you heard it here first", "screenshot this", "bookmark this", "i predict", "my prediction",
      "calling it now", "i bet", "just wait", "wait and see",
    ],
    weak: ["will", "won't", "going to", "gonna", "is about to", "next year", "next month", "soon"],
  },
  satire: ["the onion", "babylon bee", "the daily mash", "the beaverton", "clickhole", "local man", "area man", "local woman", "area woman", "/s"],
  claimVerbs: [
    "confirmed", "confirms", "announced", "announces", "according to", "reported", "reports", "says", "said", "stated",
    "official", "officially", "figures", "data", "study", "statistics", "census", "records show", "resigned", "resigns",
    "arrested", "charged", "convicted", "died", "killed", "hospitalised", "hospitalized", "raised", "closed", "banned",
    "approved", "signed", "voted", "revealed", "leaked", "published", "breaking", "sources", "doubled", "tripled",
    "halved", "rose", "fell", "dropped", "increased", "decreased", "highest", "lowest", "record", "cause", "causes",
    "caused", "found", "shows", "proves",
  ],
  mediaDeixis: [
    "this is", "this morning", "today", "tonight", "last night", "right now", "photo", "picture", "video", "footage",
    "clip", "taken", "filmed", "watch", "look at",
  ],
};

const spanish: Lexicon = {
  opinion: {
    strong: [
      "creo que", "pienso que", "opino que", "en mi opinión", "para mí", "sinceramente", "honestamente",
      "la verdad es que", "opinión impopular",
    ],
    weak: [
      "debería", "deberían", "vergüenza", "vergonzoso", "ridículo", "una broma", "un chiste", "una pena", "patético",
      "lo mejor", "lo peor", "horrible", "me encanta", "odio", "le da igual",
    ],
  },
  prediction: {
    strong: [
      "lo digo ya", "acordaos", "acuérdense", "recordad este", "guardad este", "marcad mis palabras", "ya veréis",
      "ya verán", "predigo", "apuesto a que",
    ],
    weak: ["va a", "van a", "vamos a", "pronto", "el año que viene", "el próximo año"],
  },
  satire: ["el mundo today"],
  claimVerbs: [
    "confirmado", "confirmada", "confirma", "confirmó", "anunció", "anuncia", "según", "informe", "datos", "oficial",
    "oficiales", "cifras", "dijo", "afirmó", "declaró", "dimitió", "dimite", "detenido", "detenida", "murió", "muertos",
    "ha subido", "subió", "cerró", "aprobó", "última hora", "fuentes", "se ha duplicado", "bajó", "aumentó", "récord",
    "causa", "causan", "demuestra",
  ],
  mediaDeixis: ["así está", "esta mañana", "hoy", "anoche", "vídeo", "video", "foto", "imágenes", "mirad", "miren", "grabado"],
};

const french: Lexicon = {
  opinion: {
    strong: ["je pense", "je crois", "à mon avis", "selon moi", "franchement", "honnêtement", "personnellement"],
    weak: ["n'importe quoi", "honteux", "honte", "ridicule", "lamentable", "il faudrait", "devrait", "s'en moque", "le pire"],
  },
  prediction: {
    strong: ["retenez bien", "vous verrez", "je prédis", "je vous le dis", "notez bien", "je parie"],
    weak: ["va être", "vont", "sera", "seront", "bientôt", "l'année prochaine"],
  },
  satire: ["le gorafi", "nordpresse"],
  claimVerbs: [
    "confirme", "confirmé", "a annoncé", "annonce", "selon", "d'après", "rapport", "données", "chiffres", "officiel",
    "officiels", "a déclaré", "a dit", "a démissionné", "arrêté", "fermeture", "hausse", "augmenter",
  ],
  mediaDeixis: ["voilà", "voici", "ce matin", "aujourd'hui", "hier soir", "vidéo", "photo", "images", "regardez"],
};

const german: Lexicon = {
  opinion: {
    strong: ["ich glaube", "ich finde", "ich denke", "meiner meinung nach", "ehrlich gesagt", "mal ehrlich", "persönlich"],
    weak: ["frechheit", "lächerlich", "peinlich", "eine schande", "sollte", "sollten", "egal", "am schlimmsten"],
  },
  prediction: {
    strong: ["merkt euch", "ihr werdet sehen", "ich wette", "ich prophezeie", "glaubt mir"],
    weak: ["wird", "werden", "bald", "nächstes jahr"],
  },
  satire: ["der postillon", "titanic"],
  claimVerbs: [
    "bestätigt", "angekündigt", "kündigt an", "laut", "bericht", "daten", "offiziell", "offizielle", "zahlen",
    "erklärte", "sagte", "zurückgetreten", "festgenommen", "erhöht", "schließt", "geschlossen", "eilmeldung",
  ],
  mediaDeixis: ["so sieht", "heute", "heute morgen", "gestern abend", "video", "foto", "bilder", "seht", "schaut"],
};

const portuguese: Lexicon = {
  opinion: {
    strong: ["eu acho", "acho que", "na minha opinião", "sinceramente", "honestamente", "pessoalmente"],
    weak: ["piada", "vergonha", "ridículo", "absurdo", "deveria", "deveriam", "não está nem aí", "o pior"],
  },
  prediction: {
    strong: ["anotem", "podem anotar", "guardem este", "vocês vão ver", "eu aposto", "escrevam o que eu digo"],
    weak: ["vai", "vão", "será", "serão", "em breve", "ano que vem"],
  },
  satire: ["sensacionalista", "piauí herald"],
  claimVerbs: [
    "confirmou", "confirma", "anunciou", "segundo", "dados", "relatório", "oficial", "oficiais", "disse", "afirmou",
    "declarou", "renunciou", "preso", "presa", "aumentou", "fechar", "urgente",
  ],
  mediaDeixis: ["assim está", "hoje", "hoje de manhã", "ontem à noite", "vídeo", "foto", "imagens", "vejam", "olhem"],
};

const japanese: Lexicon = {
  opinion: { strong: ["と思う", "と思います", "個人的には", "正直"], weak: ["ひどい", "ひどすぎる", "最悪", "べき"] },
  prediction: { strong: ["断言", "予言", "間違いない", "に違いない"], weak: ["だろう", "でしょう", "はずだ"] },
  satire: ["虚構新聞"],
  claimVerbs: ["発表", "確認", "によると", "公式", "データ", "統計", "報告", "発言", "速報"],
  mediaDeixis: ["今朝", "今日", "昨夜", "動画", "写真", "映像"],
};

const lexicons: Readonly<Record<string, Lexicon>> = {
  en: english,
  es: spanish,
  fr: french,
  de: german,
  pt: portuguese,
  ja: japanese,
};

function merged(parts: readonly Lexicon[]): Lexicon {
  const all = (pick: (l: Lexicon) => readonly string[]) => [...new Set(parts.flatMap(pick))];
  return {
    opinion: { strong: all((l) => l.opinion.strong), weak: all((l) => l.opinion.weak) },
    prediction: { strong: all((l) => l.prediction.strong), weak: all((l) => l.prediction.weak) },
    satire: [...everyLanguageSatire, ...all((l) => l.satire)],
    claimVerbs: all((l) => l.claimVerbs),
    mediaDeixis: all((l) => l.mediaDeixis),
  };
}

/** A post's language without region ("pt-BR" → "pt"), or null when X gave none or "und". */
export function baseLanguage(lang: string | null): string | null {
  // A feed has a handful of language tags: each is worked out once, not for every post (and the memo stays small whatever X sends).
  let base = baseLanguages.get(lang);
  if (base === undefined) {
    const tag = lang?.toLowerCase().split("-")[0];
    base = tag && tag !== "und" ? tag : null;
    if (baseLanguages.size < 256) baseLanguages.set(lang, base);
  }
  return base;
}
const baseLanguages = new Map<string | null, string | null>();

/** Which lists a post in `lang` is read with: its own language's, or all of them. */
export function lexiconFor(lang: string | null): Lexicon {
  const own = lexicons[baseLanguage(lang) ?? ""];
  return merged(own ? [own] : Object.values(lexicons));
}
