import type { LanguagePack } from "../language-pack";

export const german: LanguagePack = {
  lang: "de",
  weight: 12,
  names: {
    first: ["Jonas", "Lea", "Felix", "Miriam", "Lukas", "Hanna", "Tobias", "Greta"],
    last: ["Brandt", "Vogler", "Steinmetz", "Albrecht", "Kessler", "Lindqvist", "Hoffmann", "Reuter"],
  },
  slots: {
    place: ["Lindenau", "Bad Wertheim-Ost", "Falkenbrück", "Rotheide", "Neustadt am Kamp"],
    org: ["die Stadtwerke Falkenbrück", "die Verkehrsbetriebe Lindenau", "das Landesgesundheitsamt", "Rotheide Energie", "der Stadtrat von Neustadt"],
    person: ["Bürgermeisterin Karin Vogt", "Senator Dieter Krall", "Dr. Sabine Roth", "Minister Jan Berger", "Trainer Uwe Maurer"],
    topic: ["die Busfahrpreise", "die Wasserrechnung", "die Mieten", "die Strompreise", "das Schulessen"],
    product: ["der neue Grippeimpfstoff", "E-Scooter", "die neue Brücke", "die Vier-Tage-Woche"],
    event: ["der Ratssitzung", "einer Pressekonferenz", "einem Radiointerview", "der Talkshow"],
    month: ["März", "April", "Juni", "September", "November"],
    quote: ["Wir haben nie Steuersenkungen versprochen", "Man kann im Fluss wieder baden", "Die Kriminalität ist um 40 % gesunken"],
  },
  templates: {
    claim_number: [
      "Über Nacht hat {org} {topic} um {pct} % erhöht. Der größte Sprung seit {year}.",
      "Offizielle Zahlen: In {place} stehen {n} Wohnungen leer, {n2} Familien warten.",
    ],
    quote: ["„{quote}“ – {person} gestern bei {event}."],
    entity_claim: ["{org} schließt bis {month} alle {n} Filialen in {place}. Bestätigt."],
    opinion: ["Ehrlich gesagt sind {topic} in {place} eine Frechheit und {org} ist das egal."],
    prediction: ["Merkt euch das: {org} ist vor {year} pleite."],
    satire: ["{place} ersetzt alle Ampeln durch Motivationsplakate. Autofahrer fühlen sich „gesehen“. #Satire"],
    media_claim: ["So sieht {place} heute Morgen aus. Angeblich war das Hochwasser „unter Kontrolle“.", "Video von {event}: {person} weicht der Frage zu {topic} aus."],
  },
  longSentences: [
    "Ein Thread, weil es sonst keiner sagt.",
    "{org} hat den Jahresbericht veröffentlicht und das Wichtigste auf Seite {n} versteckt.",
    "Laut dieser Seite sind {topic} in {place} um {pct} % gestiegen, die Löhne aber nicht.",
    "{person} nannte den Anstieg bei {event} „vorübergehend“, genau wie {year}.",
    "Gleichzeitig haben {n2} Haushalte Härtefallhilfe beantragt, mehr als in den drei Jahren davor zusammen.",
    "Wer in {place} wohnt, sollte fragen, warum das nie öffentlich diskutiert wurde.",
  ],
  noteRequests: ["Die Prozentzahl stimmt nicht mit dem Bericht überein.", "Das Zitat ist aus dem Zusammenhang gerissen.", "Das Foto stammt aus einem anderen Jahr.", "Das ist Satire, wird aber als echte Nachricht geteilt."],
  altTexts: ["Eine überflutete Straße in {place}", "Eine lange Schlange vor einem Amtsgebäude", "Ein Diagramm mit steilem Anstieg"],
  bios: ["Lokaljournalist.", "Meine Meinung.", "Lehrerin im Ruhestand."],
};
