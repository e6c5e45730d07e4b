import type { FactRecord } from "@chipflow/core";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkAiSources,
  checkConfidence,
  checkExcerpts,
  checkPercentages,
  checkRepeatedCells,
  checkSigns,
  checkSources,
} from "../src/quality/check-sources.js";
import { checkGeographyMakesTotals, checkQuartersMakeYears, checkSharesMakeWhole } from "../src/quality/check-sums.js";
import { findCoverage, formatCoverage } from "../src/quality/coverage.js";
import type { CuratedFact } from "../src/quality/curated-fact.js";
import { checkDataQuality, formatDataQuality } from "../src/quality/data-quality.js";
import { readReadmeCoverage, renderCoverage } from "../src/quality/readme-coverage.js";

const DATA = fileURLToPath(new URL("../../data/", import.meta.url));

/** A synthetic reported fact from a primary document; every figure here is made up for the test. */
function fact(line: number, over: Partial<FactRecord> = {}): CuratedFact {
  return {
    dataset: "synthetic",
    file: "facts/synthetic.csv",
    line,
    fact: {
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
      periodLabel: null,
      vendor: "Synthetic Vendor",
      product: null,
      category: null,
      origin: null,
      destination: "CHN",
      buyer: null,
      metric: "revenue_usd",
      value: 100,
      low: null,
      high: null,
      estimateKind: "reported",
      confidence: "high",
      source: {
        publisher: "Synthetic Vendor (annual report)",
        title: "Annual report 2024",
        date: "2025-02-01",
        url: "https://example.org/ar-2024",
        locator: "Note 3, revenue by region",
        type: "primary",
      },
      note: null,
      ...over,
    },
  };
}
const quarter = (line: number, start: string, end: string, value: number) =>
  fact(line, { periodStart: start, periodEnd: end, value, source: { ...fact(0).fact.source, locator: `Q ${line}` } });

describe("the data-quality gate", () => {
  it("passes on the curated data in data/, and prints the primary share per dataset", async () => {
    const report = await checkDataQuality(DATA);
    console.log(formatDataQuality(report));
    expect(report.problems).toEqual([]);
    expect(report.datasets.length).toBeGreaterThan(0);
  });

  it("keeps the coverage tables of data/README.md up to date (npm run check-data -- --update-readme)", async () => {
    expect(await readReadmeCoverage(DATA)).toBe(await renderCoverage(DATA));
  });

  it("names a figure whose source lacks its type, or a primary one without a locator", () => {
    const base = fact(2).fact.source;
    const problems = checkSources([
      fact(2),
      fact(3, { source: { ...base, type: null } }),
      fact(4, { source: { ...base, locator: null } }),
      fact(5, { source: { ...base, type: "secondary", locator: null } }),
    ]);
    expect(problems.map((p) => p.where)).toEqual(["facts/synthetic.csv:3", "facts/synthetic.csv:4"]);
    expect(problems[1]!.message).toMatch(/source_locator/);
  });

  it("names a secondary source given high confidence, and takes medium or low for one", () => {
    const secondary = { ...fact(0).fact.source, type: "secondary" as const };
    const problems = checkConfidence([
      fact(2),
      fact(3, { source: secondary }),
      fact(4, { source: secondary, confidence: "medium" }),
      fact(5, { source: secondary, confidence: "low" }),
    ]);
    expect(problems.map((p) => p.where)).toEqual(["facts/synthetic.csv:3"]);
    expect(problems[0]!.message).toMatch(/high is for a primary document/);
  });

  it("finds one cell given twice by one source in one dataset, but not by two sources", () => {
    const other = { ...fact(0).fact.source, title: "Another report" };
    expect(checkRepeatedCells([fact(2), fact(3, { value: 101 }), fact(4, { source: other })])).toEqual([
      { where: "facts/synthetic.csv:3", message: expect.stringMatching(/same cell from the same source as .*:2/) },
    ]);
  });

  it("keeps one sign per metric: amounts positive, a negative charge only for a released reserve", () => {
    const lost = fact(2, { metric: "lost_revenue_usd", value: -8e9 });
    const release = fact(3, {
      metric: "charge_usd",
      value: -180e6,
      note: "Release of previously reserved H20 inventory",
    });
    const charge = fact(4, { metric: "charge_usd", value: -4.5e9, note: "Charge, per the press release" });
    expect(checkSigns([lost, release, charge, fact(5)]).map((p) => p.where)).toEqual([
      "facts/synthetic.csv:2",
      "facts/synthetic.csv:4",
    ]);
  });

  it("finds each quoted figure in its excerpt, in any written form, and names one that is not there", () => {
    const quoted = (line: number, value: number, quote: string) =>
      fact(line, { value, note: `Revenue. Excerpt: "${quote}"` });
    expect(
      checkExcerpts([
        quoted(2, 7_111_000_000, "China (including Hong Kong) 7,111 3,886"),
        quoted(3, 25_048_000_000, "$25.048 billion"),
        quoted(4, 12.5, "a share of 12.5%"),
        quoted(5, 9_999_000_000, "China (including Hong Kong) 7,111 3,886"),
        fact(6, { value: 1, note: "no quote" }),
      ]).map((p) => p.where),
    ).toEqual(["facts/synthetic.csv:5"]);
  });

  it("finds a figure only where the quote says it: never a rounding to nothing or a part of a longer number", () => {
    const quoted = (line: number, value: number, quote: string) =>
      fact(line, { value, note: `Revenue. Excerpt: "${quote}"` });
    const missing = checkExcerpts([
      quoted(2, 568_500_000, "sales of 5.685 亿美元 in the third quarter"), // hundred millions (亿)
      quoted(3, 132_200_000_000, "中国1,322億円"),
      quoted(4, 1_000_000, "more than one million of its new H20 chips"),
      quoted(5, 0, "There were no H20 sales to China-based customers in the second quarter."),
      quoted(6, 4299, "NVIDIA L20 PCle,NVIDIA,GPU,,2023-09-16,4299.0"),
      quoted(7, 10_000, "text=a%20price%20tag%20of%20around%20%2410%2C000"),
      quoted(8, 39, "下期には30%台だと考えている"),
      quoted(9, 568_500_000, "revenue of 1 billion, up 10%"), // "1" billion is not 568.5 million
      quoted(10, 46, "China 1,460 and Korea 2.46"), // 46 only inside longer numbers
      quoted(11, 460, "China 1,460"),
      quoted(12, 0, "revenue of 5 and 7"),
    ]);
    expect(missing.map((p) => p.where)).toEqual([
      "facts/synthetic.csv:9",
      "facts/synthetic.csv:10",
      "facts/synthetic.csv:11",
      "facts/synthetic.csv:12",
    ]);
  });

  it("refuses a figure that rests on an AI summary or an AI-assisted extraction", () => {
    const base = fact(0).fact.source;
    const ai = fact(2, {
      source: { ...base, publisher: "Reportify", url: "https://reportify.ai/news/1", type: "secondary" },
    });
    expect(checkAiSources([ai, fact(3)]).map((p) => p.where)).toEqual(["facts/synthetic.csv:2"]);
  });

  it("keeps percentages within 0-100", () => {
    const share = (line: number, value: number) => fact(line, { metric: "revenue_share_pct", value });
    expect(checkPercentages([share(2, 0), share(3, 100), share(4, 100.5), share(5, -1)]).map((p) => p.where)).toEqual([
      "facts/synthetic.csv:4",
      "facts/synthetic.csv:5",
    ]);
  });

  it("compares four quarters that tile a year with the year, within rounding", () => {
    const quarters = [
      quarter(3, "2024-01-01", "2024-03-31", 25),
      quarter(4, "2024-04-01", "2024-06-30", 25),
      quarter(5, "2024-07-01", "2024-09-30", 25),
      quarter(6, "2024-10-01", "2024-12-31", 25.4),
    ];
    const [ok] = checkQuartersMakeYears([fact(2), ...quarters]);
    expect(ok).toMatchObject({ total: 100, parts: 100.4, ok: true });
    const [bad] = checkQuartersMakeYears([fact(2, { value: 90 }), ...quarters]);
    expect(bad).toMatchObject({ total: 90, ok: false });
    // Three quarters do not make a year: nothing to compare.
    expect(checkQuartersMakeYears([fact(2), ...quarters.slice(0, 3)])).toEqual([]);
  });

  it("adds regions up to the reported total: exactly when the residual ROW is given, never above it otherwise", () => {
    const region = (line: number, destination: string, value: number) => fact(line, { destination, value });
    const exact = checkGeographyMakesTotals([
      region(2, "WLD", 100),
      region(3, "CHN", 30),
      region(4, "USA", 50),
      region(5, "ROW", 10),
    ]);
    expect(exact).toMatchObject([{ total: 100, parts: 90, ok: false }]);
    const partial = checkGeographyMakesTotals([region(2, "WLD", 100), region(3, "CHN", 30), region(4, "USA", 50)]);
    expect(partial).toMatchObject([{ parts: 80, ok: true }]);
    const over = checkGeographyMakesTotals([region(2, "WLD", 100), region(3, "CHN", 60), region(4, "USA", 50)]);
    expect(over).toMatchObject([{ parts: 110, ok: false }]);
  });

  it("keeps one source's shares by destination within 100%", () => {
    const share = (line: number, destination: string, value: number) =>
      fact(line, { metric: "revenue_share_pct", destination, value });
    expect(checkSharesMakeWhole([share(2, "CHN", 30), share(3, "USA", 50), share(4, "ROW", 20)])).toMatchObject([
      { parts: 100, ok: true },
    ]);
    expect(checkSharesMakeWhole([share(2, "CHN", 60), share(3, "USA", 50)])).toMatchObject([{ ok: false }]);
  });

  it("marks each company's years and quarters P, S or missing, and says why with the most specific reason", () => {
    const secondary = { ...fact(0).fact.source, type: "secondary" as const };
    const nvidia = (line: number, over: Partial<FactRecord>) => fact(line, { vendor: "NVIDIA", ...over });
    const [coverage] = findCoverage([
      nvidia(2, {}),
      nvidia(3, { periodStart: "2022-01-01", periodEnd: "2022-12-31", source: secondary }),
      nvidia(4, { periodStart: "2023-01-01", periodEnd: "2023-12-31", destination: "USA" }),
      nvidia(5, { periodStart: "2024-07-01", periodEnd: "2024-09-30", metric: "revenue_share_pct", value: 20 }),
    ]);
    expect(coverage).toMatchObject({ vendor: "NVIDIA", facts: 4, primary: 3 });
    expect(coverage!.years).toEqual(["-", "-", "-", "S", "-", "P", "-", "-"]);
    expect(coverage!.quarters.filter((m) => m !== "-")).toEqual(["P"]);
    const text = formatCoverage(
      [coverage!],
      [
        { vendor: "NVIDIA", period: "2019", why: "before the series" },
        { vendor: "NVIDIA", period: "years", why: "not stored" },
        { vendor: "*", period: "2026", why: "not over yet" },
      ],
    );
    expect(text).toContain("- **NVIDIA** 2019: before the series");
    expect(text).toContain("- **NVIDIA** 2020, 2021, 2023, 2025: not stored");
    expect(text).toContain("- **NVIDIA** 2026: not over yet");
    expect(text).toMatch(/- \*\*NVIDIA\*\* 2023Q1, .*: not found in any stored source/);
  });
});
