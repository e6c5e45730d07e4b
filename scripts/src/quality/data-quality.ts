import { groupMap } from "@chipflow/core";
import {
  checkAiSources,
  checkConfidence,
  checkExcerpts,
  checkPercentages,
  checkRepeatedCells,
  checkSigns,
  checkSources,
} from "./check-sources.js";
import {
  checkGeographyMakesTotals,
  checkQuartersMakeYears,
  checkSharesMakeWhole,
  toSumProblem,
  type SumCheck,
} from "./check-sums.js";
import { type QualityProblem } from "./curated-fact.js";
import { readCuratedFacts } from "./read-curated-facts.js";

/** The share of curated facts that should cite the issuer's or regulator's own document. */
export const PRIMARY_SHARE_TARGET = 0.6;
/**
 * The share below which the gate fails: the share reached so far, rounded down, so that no change lowers it.
 * Raise it as primary documents replace secondary ones, until it reaches the target.
 */
export const PRIMARY_SHARE_FLOOR = 0.8;

export interface DatasetQuality {
  dataset: string;
  facts: number;
  primary: number;
}

export interface DataQualityReport {
  datasets: DatasetQuality[];
  /** Primary facts over all curated facts. */
  primaryShare: number;
  sums: SumCheck[];
  problems: QualityProblem[];
}

/** Runs every check of the data-quality gate over the curated data in `dataDir`. */
export async function checkDataQuality(dataDir: string): Promise<DataQualityReport> {
  const data = await readCuratedFacts(dataDir);
  const facts = data.facts;
  const sums = [...checkQuartersMakeYears(facts), ...checkGeographyMakesTotals(facts), ...checkSharesMakeWhole(facts)];
  const datasets = [...groupMap(facts, (f) => f.dataset)].map(([dataset, list]) => ({
    dataset,
    facts: list.length,
    primary: list.filter((f) => f.fact.source.type === "primary").length,
  }));
  const primary = datasets.reduce((n, d) => n + d.primary, 0);
  const primaryShare = facts.length ? primary / facts.length : 0;
  const problems = [
    ...data.problems,
    ...checkSources(facts),
    ...checkConfidence(facts),
    ...checkAiSources(facts),
    ...checkRepeatedCells(facts),
    ...checkPercentages(facts),
    ...checkSigns(facts),
    ...checkExcerpts(facts),
    ...sums.filter((c) => !c.ok).map(toSumProblem),
  ];
  if (primaryShare < PRIMARY_SHARE_FLOOR)
    problems.push({
      where: "data/",
      message: `${(primaryShare * 100).toFixed(1)}% of curated facts cite a primary document, below the floor of ${PRIMARY_SHARE_FLOOR * 100}%: cite the issuer's own document`,
    });
  return { datasets, primaryShare, sums, problems };
}

/** The report as text: primary share per dataset, every sum compared, then the problems. */
export function formatDataQuality(r: DataQualityReport): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = ["dataset                         facts  primary  share"];
  for (const d of r.datasets)
    lines.push(
      `${d.dataset.padEnd(30)} ${String(d.facts).padStart(6)} ${String(d.primary).padStart(8)}  ${pct(d.primary / d.facts).padStart(6)}`,
    );
  const total = r.datasets.reduce((n, d) => n + d.facts, 0);
  lines.push(
    `${"all curated facts".padEnd(30)} ${String(total).padStart(6)}           ${pct(r.primaryShare).padStart(6)}`,
  );
  const met = r.primaryShare >= PRIMARY_SHARE_TARGET ? "met" : "not met yet";
  lines.push(`primary share: target ${pct(PRIMARY_SHARE_TARGET)} (${met}), floor ${pct(PRIMARY_SHARE_FLOOR)}`);
  lines.push("", `${r.sums.length} sums compared (parts vs reported total):`);
  for (const c of r.sums)
    lines.push(`  ${c.ok ? "ok  " : "FAIL"} ${(c.difference * 100).toFixed(2).padStart(7)}%  ${c.what}  (${c.where})`);
  lines.push("", r.problems.length ? `${r.problems.length} problem(s):` : "no problems");
  for (const p of r.problems) lines.push(`  ${p.where}: ${p.message}`);
  return `${lines.join("\n")}\n`;
}
