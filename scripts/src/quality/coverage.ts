import { inferGranularity, type FactRecord } from "@chipflow/core";
import type { CuratedFact } from "./curated-fact.js";

/** The companies whose China figures the coverage tables follow, in the order they are shown. */
export const COVERAGE_VENDORS = [
  "NVIDIA",
  "AMD",
  "Intel",
  "ASML",
  "Tokyo Electron",
  "Applied Materials",
  "Lam Research",
  "KLA",
  "TSMC",
  "SMIC",
  "Micron",
  "Qualcomm",
  "Marvell",
] as const;
export const COVERAGE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
export const COVERAGE_QUARTERS = [2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));

/**
 * Why a company's China figure is missing, as `data/coverage-gaps.csv` says: for one period ("2019", "2024Q4"), or
 * for the rest of its years or quarters ("years", "quarters"). Vendor `*` gives the reason for every company.
 */
export interface CoverageGap {
  vendor: string;
  period: string;
  why: string;
}

const UNEXPLAINED = "not found in any stored source";

/** A period's mark: P (a primary document gives China's figure), S (only a secondary one), or missing. */
export type CoverageMark = "P" | "S" | "-";

export interface VendorCoverage {
  vendor: string;
  /** By fiscal year, named by the calendar year in which it ends. */
  years: CoverageMark[];
  /** By quarter, named by the calendar quarter in which it ends. */
  quarters: CoverageMark[];
  facts: number;
  primary: number;
}

/** A China figure: revenue in any currency, or China's share of revenue, for the whole company or its main line. */
const isChinaFigure = (f: FactRecord) =>
  f.destination === "CHN" &&
  f.metric.startsWith("revenue_") &&
  f.buyer === null &&
  (f.product === null || ["Lithography systems", "Semiconductor equipment", "Foundry services"].includes(f.product));

function periodKey(f: FactRecord): { year?: number; quarter?: string } {
  const granularity = inferGranularity(f.periodStart, f.periodEnd);
  const year = Number(f.periodEnd.slice(0, 4));
  if (granularity === "year") return { year };
  if (granularity === "quarter")
    return { quarter: `${year}Q${Math.floor((Number(f.periodEnd.slice(5, 7)) - 1) / 3) + 1}` };
  return {};
}

/** For each company, which years and quarters have China's figure, from which kind of source. */
export function findCoverage(facts: CuratedFact[]): VendorCoverage[] {
  return COVERAGE_VENDORS.map((vendor) => {
    const own = facts.filter((f) => f.fact.vendor === vendor);
    const china = own.filter((f) => isChinaFigure(f.fact));
    const mark = (match: (k: { year?: number; quarter?: string }) => boolean): CoverageMark => {
      const found = china.filter((f) => match(periodKey(f.fact)));
      return found.some((f) => f.fact.source.type === "primary") ? "P" : found.length ? "S" : "-";
    };
    return {
      vendor,
      years: COVERAGE_YEARS.map((y) => mark((k) => k.year === y)),
      quarters: COVERAGE_QUARTERS.map((q) => mark((k) => k.quarter === q)),
      facts: own.length,
      primary: own.filter((f) => f.fact.source.type === "primary").length,
    };
  });
}

/** The coverage as Markdown: two tables of marks, then what is missing and why. */
export function formatCoverage(coverage: VendorCoverage[], gaps: CoverageGap[]): string {
  const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  const rule = (n: number) => row(Array.from({ length: n }, (_, i) => (i === 0 ? "---" : ":-:")));
  const lines = [
    "China's revenue or share of revenue, by fiscal year (named by the calendar year it ends in):",
    "**P** from the company's own document, **S** only from a secondary source, **-** missing.",
    "",
    row(["company", "facts (primary)", ...COVERAGE_YEARS]),
    rule(COVERAGE_YEARS.length + 2),
    ...coverage.map((c) => row([c.vendor, `${c.facts} (${c.primary})`, ...c.years])),
    "",
    "By quarter (named by the calendar quarter it ends in):",
    "",
    row(["company", ...COVERAGE_QUARTERS.map((q) => q.slice(2))]),
    rule(COVERAGE_QUARTERS.length + 1),
    ...coverage.map((c) => row([c.vendor, ...c.quarters])),
    "",
    "What is missing, and why:",
    "",
  ];
  for (const c of coverage) {
    const missing = [
      ...COVERAGE_YEARS.map(String).filter((_, i) => c.years[i] === "-"),
      ...COVERAGE_QUARTERS.filter((_, i) => c.quarters[i] === "-"),
    ];
    const whyOf = (period: string) => {
      const rest = period.includes("Q") ? "quarters" : "years";
      const own = [...gaps.filter((g) => g.vendor === c.vendor), ...gaps.filter((g) => g.vendor === "*")];
      return (own.find((g) => g.period === period) ?? own.find((g) => g.period === rest))?.why ?? UNEXPLAINED;
    };
    const byReason = new Map<string, string[]>();
    for (const period of missing) byReason.set(whyOf(period), [...(byReason.get(whyOf(period)) ?? []), period]);
    for (const [why, periods] of byReason) lines.push(`- **${c.vendor}** ${periods.join(", ")}: ${why}`);
  }
  return `${lines.join("\n")}\n`;
}
