import { COUNTRIES, METRIC_IDS, METRICS, type Dimensions } from "@chipflow/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Filters } from "../src/components/Filters.js";
import { findOptions, type Option } from "../src/components/MultiSelect.js";
import { DEFAULT_VIEW } from "../src/view/view-state.js";

/** Dimensions as the API lists them: every country, by its UN name, with its aliases. */
const dimensions: Dimensions = {
  vendors: [],
  products: [],
  countries: COUNTRIES.map((c) => ({ iso3: c.iso3, name: c.name, aliases: [...c.aliases], region: c.region })),
  buyers: [],
  datasets: [],
  metrics: METRIC_IDS.map((id) => ({ id, ...METRICS[id] })),
  periodRange: { from: null, to: null },
};

const countryOptions: Option[] = dimensions.countries.map((c) => ({
  value: c.iso3,
  label: `${c.name} (${c.iso3})`,
  keywords: c.aliases,
}));
const found = (query: string, chosen: string[] = []) =>
  findOptions(countryOptions, query, new Set(chosen)).map((o) => o.value);

describe("country filters", () => {
  it("show each country by its UN name, never by an alias", () => {
    const html = renderToStaticMarkup(<Filters view={DEFAULT_VIEW} dimensions={dimensions} onChange={() => {}} />);
    expect(html).toContain("Côte d’Ivoire (CIV)");
    expect(html).toContain("Republic of Korea (KOR)");
    expect(html).toContain("Türkiye (TUR)");
    expect(html).not.toContain("Ivory Coast");
    expect(html).not.toContain("South Korea");
    expect(html).toContain('aria-label="Search destination"');
  });

  it("find a country by a typed alias, UN name or code, whatever the case, accents and apostrophe", () => {
    expect(found("Ivory Coast")).toEqual(["CIV"]);
    expect(found("cote d'ivoire")).toEqual(["CIV"]);
    expect(found("South Korea")).toEqual(["KOR"]);
    expect(found("turkiye")).toEqual(["TUR"]);
    expect(found("(USA)")).toEqual(["USA"]);
    expect(found("United States")).toEqual(["UMI", "USA", "VIR"]);
    expect(found("")).toHaveLength(COUNTRIES.length);
  });

  it("keep chosen countries listed while a search hides the rest", () => {
    expect(found("Ivory Coast", ["CHN"])).toEqual(["CHN", "CIV"]);
    expect(found("no such place")).toEqual([]);
  });
});
