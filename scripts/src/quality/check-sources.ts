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

const NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve".split(" ");
const SCALE_WORDS: [number, string][] = [
  [1e3, "thousand"],
  [1e6, "million"],
  [1e9, "billion"],
  [1e12, "trillion"],
];

/**
 * The ways a figure may be written in its source: as is, or in thousands, ten-thousands (万), millions, hundred
 * millions (億, 亿), billions or trillions, with up to three decimals, or in words ("one million"). Only forms that
 * still say the figure count: read back, a form is within 1% of it, so a rounding to nothing ("0" or "1" billion for
 * 568.5 million) is not one of its forms.
 */
export function writtenForms(value: number): Set<string> {
  const forms = new Set<string>();
  const size = Math.abs(value);
  for (const scale of [1, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12]) {
    const y = size / scale;
    for (let digits = 0; digits <= 3; digits++) {
      const grouped = y.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
      const plain = grouped.replaceAll(",", "");
      if (Math.abs(Number(plain) * scale - size) > size * 0.01) continue;
      forms.add(grouped).add(plain);
    }
  }
  for (const [scale, word] of SCALE_WORDS) {
    const n = NUMBER_WORDS[size / scale - 1];
    if (n) forms.add(`${n} ${word}`);
  }
  return forms;
}

/**
 * True when `form` stands in `text` as a whole number, not as part of a longer one: "46" is not in "1,460" or
 * "2.46", but "4299.0" is in the CSV line "2023-09-16,4299.0" (a comma starts a thousands group only before three
 * digits).
 */
export function standsIn(text: string, form: string): boolean {
  const digit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const end = at + form.length;
    const before = text[at - 1];
    if (digit(before) && digit(form[0])) continue;
    if (before === "." && digit(text[at - 2])) continue;
    if (before === "," && digit(text[at - 2]) && /^\d{3}(?!\d)/.test(text.slice(at))) continue;
    if (digit(text[end]) && digit(form[form.length - 1])) continue;
    if (text[end] === "." && digit(text[end + 1])) continue;
    if (text[end] === "," && /^,\d{3}(?!\d)/.test(text.slice(end))) continue;
    return true;
  }
  return false;
}

/** Words that state a figure of zero ("There were no H20 sales", "did not record … revenue"). */
const SAYS_ZERO = /\b(no|not|zero|none|nil)\b/i;

/** True when the quote shows the figure: one of its written forms, zero in words, or its decade ("30%台" for 30–39). */
export function quoteShows(quote: string, value: number): boolean {
  if (value === 0 && SAYS_ZERO.test(quote)) return true;
  if (Number.isInteger(value) && value >= 10 && quote.includes(`${value - (value % 10)}%台`)) return true;
  // A quoted link's text fragment (`#:~:text=…%2410%2C000`) is read as the words it encodes.
  const text = quote.includes("%") ? `${quote} ${decodeFragment(quote)}` : quote;
  return [...writtenForms(value)].some((form) => standsIn(text, form));
}

function decodeFragment(quote: string): string {
  try {
    return decodeURIComponent(quote);
  } catch {
    return quote;
  }
}

const EXCERPT = /Excerpt: "([\s\S]*)"\s*$/;

/** A figure whose note quotes its source holds a number that the quote shows, in some written form. */
export function checkExcerpts(facts: CuratedFact[]): QualityProblem[] {
  return facts.flatMap((f) => {
    const quote = EXCERPT.exec(f.fact.note ?? "")?.[1]?.replaceAll("\u00a0", " ");
    if (!quote) return [];
    return [f.fact.value, f.fact.low, f.fact.high]
      .filter((v): v is number => v !== null)
      .filter((v) => !quoteShows(quote, v))
      .map((v) => ({ where: whereOf(f), message: `${v} is not in the quoted excerpt of its source` }));
  });
}
