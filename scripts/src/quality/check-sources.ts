import { groupMap } from "@chipflow/core";
import { cellKey, sourceKey, whereOf, type CuratedFact, type QualityProblem } from "./curated-fact.js";

/**
 * Every curated figure names its source in full (publisher, title, date, URL), says whose document it is
 * (primary or secondary) and, for a primary document, where in it the figure stands.
 */
export function checkSources(facts: CuratedFact[]): QualityProblem[] {
  const problems: QualityProblem[] = [];
  for (const f of facts) {
    const s = f.fact.source;
    const missing = [
      s.publisher ? "" : "publisher",
      s.title ? "" : "title",
      s.date ? "" : "date",
      /^https?:\/\//.test(s.url) ? "" : "URL",
      s.type ? "" : "source_type (primary or secondary)",
      s.type === "primary" && !s.locator ? "source_locator (where in the document the figure stands)" : "",
    ].filter(Boolean);
    if (missing.length) problems.push({ where: whereOf(f), message: `source lacks ${missing.join(", ")}` });
  }
  return problems;
}

/**
 * Confidence follows the source (data/README.md): `high` is for a primary document read directly; a copy or an
 * article is `medium` at most, however faithful.
 */
export function checkConfidence(facts: CuratedFact[]): QualityProblem[] {
  return facts
    .filter((f) => f.fact.source.type === "secondary" && f.fact.confidence === "high")
    .map((f) => ({
      where: whereOf(f),
      message:
        "confidence high with a secondary source: high is for a primary document read directly; " +
        "write medium for a faithful copy or article (or low for a weak one), or cite the primary document",
    }));
}

/** Services that write their summaries or extractions with AI: never a source, whatever they summarise. */
export const AI_SOURCES =
  /reportify\.ai|alpha-sense\.com|fintool\.com|github\.com\/peakyragnar\/Arrow|AI-(generated|assisted|written)/i;

/** No figure rests on an AI summary or an AI-assisted extraction: the document it summarises is the source. */
export function checkAiSources(facts: CuratedFact[]): QualityProblem[] {
  return facts
    .filter((f) => AI_SOURCES.test(`${f.fact.source.url} ${f.fact.source.publisher}`))
    .map((f) => ({
      where: whereOf(f),
      message: `${f.fact.source.publisher} writes with AI: cite the document it summarises (the filing, the release)`,
    }));
}

/** One dataset never holds two figures for the same cell from the same source. */
export function checkRepeatedCells(facts: CuratedFact[]): QualityProblem[] {
  const groups = groupMap(facts, (f) => `${f.dataset}\u0001${cellKey(f.fact)}\u0001${sourceKey(f.fact)}`);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({
      where: whereOf(g[1]!),
      message: `the same cell from the same source as ${whereOf(g[0]!)} (one figure per cell and source)`,
    }));
}

/** Percentages run from 0 to 100. */
export function checkPercentages(facts: CuratedFact[]): QualityProblem[] {
  return facts
    .filter((f) => f.fact.metric.endsWith("_pct"))
    .flatMap((f) =>
      [f.fact.value, f.fact.low, f.fact.high]
        .filter((v): v is number => v !== null && (v < 0 || v > 100))
        .map((v) => ({ where: whereOf(f), message: `${f.fact.metric} ${v} is outside 0-100` })),
    );
}

/**
 * One sign convention per metric (data/README.md, Metrics): amounts are positive; the only negative figures are
 * charges that release a reserve, whose note says so.
 */
const RELEASED_RESERVE = /release of (previously )?reserved|reserves? released|reversal/i;

export function checkSigns(facts: CuratedFact[]): QualityProblem[] {
  return facts.flatMap((f) => {
    const values = [f.fact.value, f.fact.low, f.fact.high].filter((v): v is number => v !== null && v < 0);
    if (!values.length) return [];
    if (f.fact.metric === "charge_usd" && RELEASED_RESERVE.test(f.fact.note ?? "")) return [];
    const rule =
      f.fact.metric === "charge_usd"
        ? "charges are positive; only a released reserve is negative, and its note says so"
        : "amounts are positive (lost revenue is lost_revenue_usd, a positive amount)";
    return [{ where: whereOf(f), message: `${f.fact.metric} ${values[0]} is negative: ${rule}` }];
  });
}

/** The ways a figure may be written in its source: as is, or in thousands, millions, billions or trillions. */
export function writtenForms(value: number): Set<string> {
  const forms = new Set<string>();
  for (const scale of [1, 1e3, 1e6, 1e9, 1e12]) {
    const y = Math.abs(value) / scale;
    for (let digits = 0; digits <= 3; digits++) {
      const grouped = y.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
      forms.add(grouped).add(grouped.replaceAll(",", ""));
    }
  }
  return forms;
}

const EXCERPT = /Excerpt: "([\s\S]*)"\s*$/;

/** A figure whose note quotes its source holds a number that the quote shows, in some written form. */
export function checkExcerpts(facts: CuratedFact[]): QualityProblem[] {
  return facts.flatMap((f) => {
    const quote = EXCERPT.exec(f.fact.note ?? "")?.[1]?.replaceAll("\u00a0", " ");
    if (!quote) return [];
    return [f.fact.value, f.fact.low, f.fact.high]
      .filter((v): v is number => v !== null)
      .filter((v) => ![...writtenForms(v)].some((form) => quote.includes(form)))
      .map((v) => ({ where: whereOf(f), message: `${v} is not in the quoted excerpt of its source` }));
  });
}
