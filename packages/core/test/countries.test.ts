import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  COUNTRIES,
  countryMatches,
  findCountryByM49,
  findCountryByName,
  foldForSearch,
  getCountry,
  REST_OF_WORLD,
  searchCountries,
  WORLD,
} from "../src/countries.js";

/** The committed UN M49 table: [m49, iso3, name] rows, comment lines left out. */
function unTable(): string[][] {
  const text = readFileSync(new URL("../data/un-m49-names.csv", import.meta.url), "utf8");
  const lines = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  expect(lines[0]).toBe("m49,iso3,name");
  return lines.slice(1).map((l) => {
    const m = /^(\d{3}),([A-Z]{3}),(?:"((?:[^"]|"")*)"|(.*))$/.exec(l);
    if (!m) throw new Error(`not a row of the table: ${l}`);
    return [m[1]!, m[2]!, m[3]?.replaceAll('""', '"') ?? m[4]!];
  });
}

const iso3sOf = (query: string) => searchCountries(query).map((c) => c.iso3);

describe("country names", () => {
  it("shows the UN M49 short names, not the common English ones", () => {
    expect(getCountry("CIV").name).toBe("Côte d’Ivoire");
    expect(getCountry("KOR").name).toBe("Republic of Korea");
    expect(getCountry("TUR").name).toBe("Türkiye");
    expect(getCountry("USA").name).toBe("United States of America");
    expect(getCountry("NLD").name).toBe("Netherlands (Kingdom of the)");
    expect(getCountry("HKG").name).toBe("China, Hong Kong Special Administrative Region");
    expect(getCountry("CHN").name).toBe("China");
  });

  it("keeps the former common name as an alias, never as the name", () => {
    expect(getCountry("CIV").aliases).toEqual(["Ivory Coast"]);
    expect(getCountry("KOR").aliases).toEqual(["South Korea"]);
    expect(getCountry("USA").aliases).toEqual(["United States"]);
    expect(getCountry("CHN").aliases).toEqual([]);
    for (const c of COUNTRIES) expect(c.aliases).not.toContain(c.name);
  });

  it("names every country of the committed UN table as the table does, with the same M49 code", () => {
    const table = unTable();
    expect(table.length).toBeGreaterThan(240);
    for (const [m49, iso3, name] of table) {
      expect(getCountry(iso3!)).toMatchObject({ m49, name });
      expect(findCountryByM49(m49!)?.iso3).toBe(iso3);
    }
  });

  it("keeps Taiwan, which the UN list does not name, and the world and rest of world as they were", () => {
    expect(unTable().some(([, iso3]) => iso3 === "TWN")).toBe(false);
    expect(getCountry("TWN")).toMatchObject({ name: "Taiwan", m49: "158", aliases: [] });
    expect(getCountry(WORLD)).toMatchObject({ name: "World", m49: "000", aliases: [] });
    expect(getCountry(REST_OF_WORLD)).toMatchObject({ name: "Rest of world", m49: null, aliases: [] });
  });
});

describe("country search", () => {
  it("finds a country by its alias as well as by its UN name or code", () => {
    expect(iso3sOf("Ivory Coast")).toEqual(["CIV"]);
    expect(iso3sOf("Côte d’Ivoire")).toEqual(["CIV"]);
    expect(iso3sOf("CIV")).toEqual(["CIV"]);
    expect(iso3sOf("South Korea")).toEqual(["KOR"]);
    expect(iso3sOf("Republic of Korea")).toEqual(["KOR", "PRK"]);
    expect(iso3sOf("Netherlands")).toEqual(["BES", "NLD"]); // BES by its alias "Caribbean Netherlands"
    expect(countryMatches(getCountry("USA"), "united states")).toBe(true);
  });

  it("knows the country a text names outright, by name or alias, and no two countries share a name", () => {
    expect(findCountryByName("Ivory Coast")?.iso3).toBe("CIV");
    expect(findCountryByName("cote d'ivoire")?.iso3).toBe("CIV");
    expect(findCountryByName("Republic of Korea")?.iso3).toBe("KOR");
    expect(findCountryByName("Korea")).toBeUndefined();
    const owners = new Map<string, Set<string>>();
    for (const c of COUNTRIES)
      for (const n of [c.name, ...c.aliases])
        owners.set(foldForSearch(n), (owners.get(foldForSearch(n)) ?? new Set()).add(c.iso3));
    expect([...owners.values()].filter((o) => o.size > 1)).toEqual([]);
  });

  it("ignores case, accents and the kind of apostrophe", () => {
    expect(iso3sOf("cote d'ivoire")).toEqual(["CIV"]);
    expect(iso3sOf("  TURKIYE ")).toEqual(["TUR"]);
    expect(iso3sOf("ivory")).toEqual(["CIV"]);
    expect(foldForSearch("Côte  d’Ivoire")).toBe("cote d'ivoire");
  });
});
