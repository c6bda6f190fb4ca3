import type { LanguagePack } from "../language-pack";

export const spanish: LanguagePack = {
  lang: "es",
  weight: 15,
  names: {
    first: ["Lucía", "Mateo", "Carmen", "Diego", "Valeria", "Andrés", "Rocío", "Tomás"],
    last: ["Herrera", "Quintana", "Salvatierra", "Montoya", "Ibarra", "Cabral", "Espinosa", "Navarro"],
  },
  slots: {
    place: ["Villanueva del Río", "Puerto Alcor", "San Telmo de Arriba", "Costaluz", "Mirasierra"],
    org: ["la Compañía de Aguas del Sur", "Transportes Alcor", "el Servicio Regional de Salud", "Eléctrica Meridiana", "el Ayuntamiento de Costaluz"],
    person: ["la alcaldesa Marta Ruiz", "el senador Julio Campos", "la doctora Inés Velasco", "el ministro Raúl Ortega", "el entrenador Pablo Ferrer"],
    topic: ["el precio del autobús", "la factura del agua", "los alquileres", "la luz", "el comedor escolar"],
    product: ["la nueva vacuna de la gripe", "los patinetes eléctricos", "el nuevo puente", "la semana de cuatro días"],
    event: ["el pleno municipal", "una rueda de prensa", "una entrevista en la radio", "el debate electoral"],
    month: ["marzo", "abril", "junio", "septiembre", "noviembre"],
    quote: ["Nunca prometimos bajar los impuestos", "El agua del río ya es potable", "El paro ha bajado un 30% desde que llegué"],
  },
  templates: {
    claim_number: [
      "{org} ha subido {topic} un {pct}% de la noche a la mañana. La mayor subida desde {year}.",
      "Datos oficiales: {place} tiene {n} pisos vacíos y {n2} familias en lista de espera.",
    ],
    quote: ["\"{quote}\", dijo {person} en {event}. Guardad la captura."],
    entity_claim: ["{org} cerrará sus {n} oficinas en {place} antes de {month}. Confirmado."],
    opinion: ["Sinceramente, {topic} en {place} es una vergüenza y a {org} le da igual."],
    prediction: ["Lo digo ya: {org} quebrará antes de {year}. Acordaos de este tuit."],
    satire: ["{place} sustituirá los semáforos por carteles motivacionales. Los conductores se sienten \"escuchados\". #sátira"],
    media_claim: ["Así está {place} esta mañana. Nos dijeron que la inundación estaba \"controlada\".", "Vídeo de {event}: mirad cómo {person} esquiva la pregunta sobre {topic}."],
  },
  longSentences: [
    "Abro hilo porque nadie más lo va a contar.",
    "{org} publicó su informe anual y escondió lo importante en la página {n}.",
    "Según esa página, {topic} en {place} subió un {pct}% mientras los sueldos seguían igual.",
    "{person} dijo en {event} que la subida era \"temporal\", igual que en {year}.",
    "Mientras tanto, {n2} familias pidieron ayudas, más que en los tres años anteriores juntos.",
    "Si vivís en {place}, preguntad por qué esto nunca se debatió en público.",
  ],
  noteRequests: ["El porcentaje no coincide con el informe oficial.", "La cita está sacada de contexto.", "La foto es de otro año.", "Es sátira, pero se comparte como noticia real."],
  altTexts: ["Una calle inundada en {place}", "Una cola larga frente a una oficina", "Un gráfico con una subida brusca"],
  bios: ["Periodista local.", "Opiniones propias.", "Maestra jubilada."],
};
