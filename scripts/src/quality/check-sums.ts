import { daysInclusive, groupMap, inferGranularity, METRICS, type FactRecord } from "@chipflow/core";
import { whereOf, type CuratedFact, type QualityProblem } from "./curated-fact.js";

/** How far parts may miss their reported total, relative to it: rounding of each part to the unit shown. */
export const SUM_TOLERANCE = 0.01;

/** A comparison of parts with the total they should make, kept for the report whether or not it passes. */
export interface SumCheck {
  what: string;
  where: string;
  total: number;
  parts: number;
  /** (parts - total) / total */
  difference: number;
  ok: boolean;
}

const additive = (f: FactRecord) => METRICS[f.metric].aggregation === "sum" && f.value !== null;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function toCheck(what: string, where: string, total: number, parts: number, exact: boolean): SumCheck {
  const difference = total === 0 ? (parts === 0 ? 0 : Infinity) : (parts - total) / total;
  const ok = exact ? Math.abs(difference) <= SUM_TOLERANCE : difference <= SUM_TOLERANCE;
  return { what, where, total, parts, difference, ok };
}

/** The one value a set of facts agrees on, or undefined when they differ (a restatement: not comparable). */
function agreed(facts: CuratedFact[]): number | undefined {
  const values = facts.map((f) => f.fact.value!);
  const first = values[0]!;
  return values.every((v) => Math.abs(v - first) <= Math.abs(first) * 1e-9) ? first : undefined;
}

const describe = (f: FactRecord) =>
  [
    f.vendor ?? "all vendors",
    f.product,
    f.destination ?? "",
    f.metric,
    f.periodLabel ?? `${f.periodStart}..${f.periodEnd}`,
  ]
    .filter(Boolean)
    .join(" ");

/**
 * Quarterly figures that a dataset also gives for their whole year add up to it: where four (or more) quarters
 * tile a year's period exactly, their sum is compared with the year's figure.
 */
export function checkQuartersMakeYears(facts: CuratedFact[]): SumCheck[] {
  const sameSeries = (f: FactRecord) =>
    [f.metric, f.vendor, f.product, f.category, f.origin, f.destination, f.buyer].join("\u0000");
  const checks: SumCheck[] = [];
  for (const series of groupMap(
    facts.filter((f) => additive(f.fact)),
    (f) => `${f.dataset}\u0001${sameSeries(f.fact)}`,
  ).values()) {
    const quarters = groupMap(
      series.filter((f) => inferGranularity(f.fact.periodStart, f.fact.periodEnd) === "quarter"),
      (f) => f.fact.periodStart,
    );
    const years = groupMap(
      series.filter((f) => inferGranularity(f.fact.periodStart, f.fact.periodEnd) === "year"),
      (f) => `${f.fact.periodStart}..${f.fact.periodEnd}`,
    );
    for (const yearFacts of years.values()) {
      const year = yearFacts[0]!.fact;
      const total = agreed(yearFacts);
      let day = year.periodStart;
      let sum = 0;
      let complete = total !== undefined;
      while (complete && day <= year.periodEnd) {
        const q = quarters.get(day);
        const value = q && agreed(q);
        if (!q || value === undefined || q[0]!.fact.periodEnd > year.periodEnd) complete = false;
        else {
          sum += value;
          day = dayAfter(q[0]!.fact.periodEnd);
        }
      }
      if (complete && daysInclusive(year.periodStart, day) > 1)
        checks.push(toCheck(`quarters of ${describe(year)}`, whereOf(yearFacts[0]!), total!, sum, true));
    }
  }
  return checks;
}

/**
 * Figures by destination add up to the reported total (destination WLD) of the same document and period: exactly when
 * the source also gives the residual region (ROW), otherwise never above it.
 */
export function checkGeographyMakesTotals(facts: CuratedFact[]): SumCheck[] {
  const sameTable = (f: FactRecord) =>
    [
      f.metric,
      f.vendor,
      f.product,
      f.category,
      f.origin,
      f.buyer,
      f.periodStart,
      f.periodEnd,
      f.source.url,
      f.source.title,
    ].join("\u0000");
  const checks: SumCheck[] = [];
  for (const table of groupMap(
    facts.filter((f) => additive(f.fact) && f.fact.destination !== null),
    (f) => `${f.dataset}\u0001${sameTable(f.fact)}`,
  ).values()) {
    const totals = table.filter((f) => f.fact.destination === "WLD");
    const parts = table.filter((f) => f.fact.destination !== "WLD");
    const total = totals.length ? agreed(totals) : undefined;
    if (total === undefined || parts.length < 2) continue;
    const perDestination = [...groupMap(parts, (f) => f.fact.destination!).values()].map(agreed);
    if (perDestination.some((v) => v === undefined)) continue;
    const sum = perDestination.reduce((a, b) => a! + b!, 0)!;
    const exact = parts.some((f) => f.fact.destination === "ROW");
    checks.push(toCheck(`regions of ${describe(totals[0]!.fact)}`, whereOf(totals[0]!), total, sum, exact));
  }
  return checks;
}

export const toSumProblem = (c: SumCheck): QualityProblem => ({
  where: c.where,
  message: `${c.what}: parts add up to ${c.parts}, the reported total is ${c.total} (${(c.difference * 100).toFixed(2)}%)`,
});

/** A source's shares of revenue by destination for one period make at most 100%, and 100% when ROW is among them. */
export function checkSharesMakeWhole(facts: CuratedFact[]): SumCheck[] {
  const sameTable = (f: FactRecord) =>
    [f.vendor, f.product, f.category, f.origin, f.buyer, f.periodStart, f.periodEnd, f.source.url, f.source.title].join(
      "\u0000",
    );
  const shares = facts.filter(
    (f) => f.fact.metric === "revenue_share_pct" && f.fact.value !== null && f.fact.destination !== null,
  );
  return [...groupMap(shares, (f) => `${f.dataset}\u0001${sameTable(f.fact)}`).values()]
    .filter(
      (table) =>
        new Set(table.map((f) => f.fact.destination)).size >= 2 && table.every((f) => f.fact.destination !== "WLD"),
    )
    .flatMap((table) => {
      const perDestination = [...groupMap(table, (f) => f.fact.destination!).values()].map(agreed);
      if (perDestination.some((v) => v === undefined)) return [];
      const sum = perDestination.reduce((a, b) => a! + b!, 0)!;
      const exact = table.some((f) => f.fact.destination === "ROW");
      // Shares are printed as whole percents: each may be off by half a point.
      const slack = (0.5 * perDestination.length) / 100;
      const check = toCheck(`shares of ${describe(table[0]!.fact)}`, whereOf(table[0]!), 100, sum, exact);
      return [{ ...check, ok: exact ? Math.abs(check.difference) <= slack : check.difference <= slack }];
    });
}
