/** The answers of statistics offices' APIs that chipflow reads, as recorded on the dataset. */
export const STAT_FORMATS = ["eurostat-json", "estat-json", "census-json"] as const;
export type StatFormat = (typeof STAT_FORMATS)[number];

/**
 * Which statistics office's answer a file's first bytes look like: an e-Stat `getStatsData` answer, a JSON-stat
 * dataset with reporter and partner dimensions (Eurostat Comext), or Census rows with a country column.
 */
export function detectStatFormat(head: string): StatFormat | undefined {
  if (/^\s*\{/.test(head) && /"GET_STATS_DATA"\s*:/.test(head)) return "estat-json";
  if (/^\s*\{/.test(head) && /"class"\s*:\s*"dataset"/.test(head) && /"reporter"/.test(head) && /"partner"/.test(head))
    return "eurostat-json";
  if (/^\s*\[\s*\[/.test(head) && /"CTY_CODE"/.test(head) && /"[EI]_COMMODITY"/.test(head)) return "census-json";
  return undefined;
}
