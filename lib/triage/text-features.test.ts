import { describe, expect, it } from "vitest";

import { isTooShort, readText } from "./text-features";

describe("readText", () => {
  it("reads a link as blank space: counted, but its digits and capitals are no figure or name", () => {
    const reading = readText("Mayor https://t.co/A1b2C3?id=40 Voss said 12 % rose. HTTPS://X.ORG/2019");
    expect(reading.links).toBe(2);
    expect(reading.numbers).toEqual(["12 %"]);
    expect(reading.years).toEqual([]);
    expect(reading.names).toEqual(["Mayor Voss"]);
    expect(reading.proseLength).toBe("Mayor   Voss said 12 % rose.  ".length);
  });

  it("reads figures with their currency and percent, and tells years apart", () => {
    expect(readText("Fares rose 40% to $1,250 and € 3.5, 84 per cent since 2019; 3.000 left in 1999.").numbers).toEqual(["40%", "$1,250", "€ 3.5", "84 per cent", "3.000"]);
    expect(readText("Since 2019 and 1999, not 2150 or 1850.")).toMatchObject({ years: ["2019", "1999"], numbers: ["2150", "1850"] });
    // Part of a name, tag, handle or model: no figure.
    expect(readText("K2, #12, @user9, COVID-19, v2.5 and US$3 cost nothing").numbers).toEqual([]);
    expect(readText("４８００戸").numbers).toEqual(["４８００"]);
  });

  it("reads names across hyphens and connectors, not a sentence's first word, a tag or a handle", () => {
    expect(readText("Yesterday, Jean-Luc Picard met the Bank of England. Today Ana da Silva spoke.").names).toEqual(["Jean-Luc Picard", "Bank of England", "Today Ana da Silva"]);
    expect(readText("Rents rose.\nLandlords deny it. #Port Alder @Mayor Voss").names).toEqual([]);
    expect(readText("«Port Alder» is flooded").names).toEqual(["Port Alder"]);
    expect(readText("The figures from Port Alder", { minNameWords: 2 }).names).toEqual(["Port Alder"]);
    expect(readText("In der Stadt stehen Wohnungen leer.", { minNameWords: 2 }).names).toEqual([]);
  });

  it("keeps words for the phrase lists lower-cased, whatever lower-casing does to the text's length", () => {
    const words = readText("İstanbul'da I THINK it's 40/s").words;
    expect(words.all()).toEqual(["i̇stanbul'da", "i", "think", "it's", "40/s"]);
    expect([words.firstUnit(2), words.size(2)]).toEqual(["t".charCodeAt(0), 5]);
  });

  it("counts words in Latin, Greek and Cyrillic, and one per two CJK characters", () => {
    expect(readText("Привет, мир and Γεια").wordCount).toBe(4);
    expect(readText("今朝の写真").wordCount).toBe(3);
    expect(readText("今朝の写真").cjkText).toBe("今朝の写真");
    expect(readText("no cjk here").cjkText).toBeNull();
    expect(isTooShort(readText("lol so true https://example.org/a-very-long-link-that-does-not-count"))).toBe(true);
    expect(isTooShort(readText("The council closed the bridge"))).toBe(false);
  });
});
