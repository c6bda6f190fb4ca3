import type { LanguagePack } from "../language-pack";

export const portuguese: LanguagePack = {
  lang: "pt",
  weight: 11,
  names: {
    first: ["Beatriz", "Rafael", "Joana", "Thiago", "Mariana", "Gonçalo", "Larissa", "Vítor"],
    last: ["Figueiredo", "Cardoso", "Meireles", "Teixeira", "Azevedo", "Pinheiro", "Sampaio", "Rocha"],
  },
  slots: {
    place: ["Vila Serena", "Porto Alvaro", "Santa Clara do Norte", "Ribeirinha", "Monte Azul"],
    org: ["a Companhia de Águas do Norte", "a Transportes Serena", "a Secretaria Regional de Saúde", "a Energia Atlântica", "a Câmara de Monte Azul"],
    person: ["a prefeita Ana Lobo", "o senador Paulo Reis", "a doutora Clara Matos", "o ministro Rui Fontes", "o treinador Zé Almeida"],
    topic: ["a passagem de ônibus", "a conta de água", "os aluguéis", "a conta de luz", "a merenda escolar"],
    product: ["a nova vacina da gripe", "as patinetes elétricas", "a nova ponte", "a semana de quatro dias"],
    event: ["a sessão da câmara", "uma coletiva de imprensa", "uma entrevista na rádio", "o debate na TV"],
    month: ["março", "abril", "junho", "setembro", "novembro"],
    quote: ["Nunca prometemos baixar impostos", "O rio voltou a ser próprio para banho", "A criminalidade caiu 40% desde que assumi"],
  },
  templates: {
    claim_number: [
      "{org} aumentou {topic} em {pct}% da noite para o dia. Maior alta desde {year}.",
      "Dados oficiais: {place} tem {n} casas vazias e {n2} famílias na fila de espera.",
    ],
    quote: ["\"{quote}\", disse {person} durante {event} ontem."],
    entity_claim: ["{org} confirmou que vai fechar as {n} agências em {place} até {month}."],
    opinion: ["Sinceramente, {topic} em {place} é uma piada e {org} não está nem aí."],
    prediction: ["Anotem: {org} vai falir antes de {year}."],
    satire: ["{place} troca todos os semáforos por cartazes motivacionais. Motoristas dizem se sentir \"vistos\". #sátira"],
    media_claim: ["Assim está {place} hoje de manhã. Disseram que a enchente estava \"sob controle\".", "Vídeo de {event}: vejam {person} fugindo da pergunta sobre {topic}."],
  },
  longSentences: [
    "Segue o fio, porque ninguém mais vai falar.",
    "{org} publicou o relatório anual e escondeu o mais importante na página {n}.",
    "Segundo essa página, {topic} em {place} subiu {pct}% enquanto os salários ficaram parados.",
    "{person} chamou o aumento de \"temporário\" durante {event}, como em {year}.",
    "Enquanto isso, {n2} famílias pediram auxílio, mais do que nos três anos anteriores somados.",
    "Se você mora em {place}, pergunte por que isso nunca foi debatido em público.",
  ],
  noteRequests: ["A porcentagem não bate com o relatório oficial.", "A citação foi tirada de contexto.", "A foto é de outro ano.", "É sátira, mas está sendo compartilhada como notícia."],
  altTexts: ["Uma rua alagada em {place}", "Uma fila longa em frente a um prédio público", "Um gráfico com alta acentuada"],
  bios: ["Jornalista local.", "Opiniões próprias.", "Professora aposentada."],
};
