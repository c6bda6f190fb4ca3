import type { LanguagePack } from "../language-pack";

export const french: LanguagePack = {
  lang: "fr",
  weight: 12,
  names: {
    first: ["Camille", "Julien", "Élodie", "Mathis", "Inès", "Baptiste", "Margaux", "Hugo"],
    last: ["Delorme", "Fontaine", "Marchetti", "Lebrun", "Vasseur", "Chevallier", "Renaud", "Aubert"],
  },
  slots: {
    place: ["Saint-Aubin-sur-Lys", "Montclar", "Port-Valois", "Rivebelle", "Haute-Combe"],
    org: ["la Régie des Eaux de Rivebelle", "Transports Valois", "l'Agence régionale de santé", "Énergie Lysienne", "la mairie de Montclar"],
    person: ["la maire Sophie Garnier", "le sénateur Paul Mercier", "la docteure Anne Roussel", "le ministre Luc Bertrand", "l'entraîneur Marc Lenoir"],
    topic: ["le prix du ticket de bus", "la facture d'eau", "les loyers", "l'électricité", "la cantine scolaire"],
    product: ["le nouveau vaccin contre la grippe", "les trottinettes électriques", "le nouveau pont", "la semaine de quatre jours"],
    event: ["le conseil municipal", "une conférence de presse", "une interview à la radio", "le débat télévisé"],
    month: ["mars", "avril", "juin", "septembre", "novembre"],
    quote: ["Nous n'avons jamais promis de baisser les impôts", "La rivière est de nouveau baignable", "La délinquance a baissé de 35 % depuis mon arrivée"],
  },
  templates: {
    claim_number: [
      "{org} vient d'augmenter {topic} de {pct} % du jour au lendemain. Du jamais vu depuis {year}.",
      "Chiffres officiels : {place} compte {n} logements vides et {n2} familles en attente.",
    ],
    quote: ["« {quote} » — {person}, lors d'{event} hier."],
    entity_claim: ["{org} confirme la fermeture de ses {n} agences à {place} d'ici {month}."],
    opinion: ["Franchement, {topic} à {place}, c'est n'importe quoi et {org} s'en moque."],
    prediction: ["Retenez bien : {org} aura fait faillite avant {year}."],
    satire: ["{place} remplace ses feux rouges par des affiches de développement personnel. Les automobilistes se sentent « compris ». #satire"],
    media_claim: ["Voilà {place} ce matin. On nous disait que la crue était « sous contrôle ».", "Vidéo d'{event} : regardez {person} esquiver la question sur {topic}."],
  },
  longSentences: [
    "Petit thread, parce que personne d'autre ne le dira.",
    "{org} a publié son rapport annuel et a caché l'essentiel en page {n}.",
    "D'après cette page, {topic} à {place} a augmenté de {pct} % pendant que les salaires stagnaient.",
    "{person} a parlé d'une hausse « temporaire » lors d'{event}, comme en {year}.",
    "Pendant ce temps, {n2} foyers ont demandé une aide, plus que les trois années précédentes réunies.",
    "Si vous habitez à {place}, demandez pourquoi cela n'a jamais été débattu publiquement.",
  ],
  noteRequests: ["Le pourcentage ne correspond pas au rapport officiel.", "La citation est sortie de son contexte.", "La photo date d'une autre année.", "C'est de la satire partagée comme une vraie info."],
  altTexts: ["Une rue inondée à {place}", "Une longue file d'attente devant un bâtiment", "Un graphique en forte hausse"],
  bios: ["Journaliste local.", "Avis personnels.", "Prof à la retraite."],
};
