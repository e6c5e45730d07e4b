import { breakdownQuerySchema, seriesQuerySchema, sourcesQuerySchema } from "@chipflow/core";
import { describe, expect, it } from "vitest";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findSeries } from "../src/queries/find-series.js";
import { findSources } from "../src/queries/find-sources.js";
import { getDataVersion } from "../src/queries/get-data-version.js";
import { listDimensions } from "../src/queries/list-dimensions.js";
import { factsOf, fixture, tempDbPath } from "./import-helpers.js";

/** What the Comtrade+ file prints for its countries (a straight apostrophe in Côte d'Ivoire), none of which the app shows. */
const FILE_NAMES = ["Côte d'Ivoire", "Rep. of Korea", "USA"];

describe("country names of an imported Comtrade+ file", () => {
  it("come from the app's list (the UN M49 short names), not from the file's reporterDesc and partnerDesc", async () => {
    const db = openWritable(tempDbPath());
    const summary = await importFile(db, fixture("comtrade-plus-names.csv"), { dataset: { id: "names" } });
    expect(summary).toMatchObject({ format: "comtrade-plus-csv", rows: 5, rejected: 0, committed: true });

    const facts = factsOf(db, "names").filter((f) => f.metric === "revenue_usd");
    expect(facts.map((f) => [f.origin, f.destination, f.source])).toEqual([
      ["KOR", "CIV", "UN Comtrade: Côte d’Ivoire import reports"],
      ["KOR", "TUR", "UN Comtrade: Türkiye import reports"],
      ["KOR", "TUR", "UN Comtrade: Republic of Korea export reports"],
      ["KOR", "CIV", "UN Comtrade: Republic of Korea export reports"],
      ["TUR", "USA", "UN Comtrade: United States of America import reports"],
    ]);

    const countries = new Map(listDimensions(db).countries.map((c) => [c.iso3, c]));
    expect(countries.get("CIV")).toMatchObject({ name: "Côte d’Ivoire", aliases: ["Ivory Coast"] });
    expect(countries.get("KOR")).toMatchObject({ name: "Republic of Korea", aliases: ["South Korea"] });
    expect(countries.get("TUR")).toMatchObject({ name: "Türkiye", aliases: [] });
    expect(countries.get("USA")).toMatchObject({ name: "United States of America", aliases: ["United States"] });

    const byDestination = findBreakdown(
      db,
      breakdownQuerySchema.parse({ metric: "revenue_usd", groupBy: "destination", dataset: "names" }),
    );
    const byOrigin = findSeries(
      db,
      seriesQuerySchema.parse({ metric: "revenue_usd", groupBy: "origin", interval: "year", dataset: "names" }),
    );
    const groups = [...byDestination.rows, ...byOrigin.series];
    expect(Object.fromEntries(groups.map((g) => [g.key, g.label]))).toEqual({
      CIV: "Côte d’Ivoire",
      TUR: "Türkiye",
      USA: "United States of America",
      KOR: "Republic of Korea",
    });
    for (const name of FILE_NAMES) expect(groups.map((g) => g.label)).not.toContain(name);

    // A source search by a former name finds the sources titled with the UN name.
    const titles = (q: string) => [...new Set(findSources(db, sourcesQuerySchema.parse({ q })).map((s) => s.title))];
    expect(titles("South Korea")).toEqual(["UN Comtrade: Republic of Korea export reports"]);
    expect(titles("ivory coast")).toEqual(["UN Comtrade: Côte d’Ivoire import reports"]);
    expect(titles("United States")).toEqual(["UN Comtrade: United States of America import reports"]);
    expect(titles("Korea")).toEqual(["UN Comtrade: Republic of Korea export reports"]);
    db.close();
  });

  it("are brought up to date in a database written before a country's name changed, under a new data version", () => {
    const path = tempDbPath();
    const db = openWritable(path);
    const current = getDataVersion(db);
    db.prepare("UPDATE countries SET name = 'Ivory Coast' WHERE iso3 = 'CIV'").run();
    const old = getDataVersion(db);
    expect(old).not.toBe(current); // a client's cached answer naming "Ivory Coast" is not reused
    db.close();
    const reopened = openWritable(path);
    expect(reopened.prepare("SELECT name FROM countries WHERE iso3 = 'CIV'").pluck().get()).toBe("Côte d’Ivoire");
    expect(getDataVersion(reopened)).toBe(current);
    reopened.close();
  });
});
