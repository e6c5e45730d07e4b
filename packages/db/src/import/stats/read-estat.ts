import { ImportFormatError } from "../detect-format.js";
import type { FactSourceRecord } from "../import-facts.js";
import { toStatFact, type StatSourceOptions } from "./stat-fact.js";
import { SKIP_QUANTITIES } from "./read-eurostat.js";

export const ESTAT_URL = "https://www.e-stat.go.jp/en/stat-search/files?toukei=00350300";
export const SKIP_NOT_YET = "months the table does not cover yet (after the last month its title names)";

/**
 * The countries of the trade tables by e-Stat area code, whose class names give the Ministry of Finance's own code
 * and name (`50105` is `105_中華人民共和国`). Only codes read in a table are listed; any other is reported as unknown
 * rather than guessed.
 */
const ESTAT_AREAS: Record<string, string> = { "50105": "CHN" };

interface EstatClass {
  "@code": string;
  "@name": string;
  "@unit"?: string;
}

interface EstatValue {
  "@cat01"?: string;
  "@cat02"?: string;
  "@area"?: string;
  "@time"?: string;
  "@unit"?: string;
  $?: string;
}

interface EstatAnswer {
  GET_STATS_DATA?: {
    STATISTICAL_DATA?: {
      TABLE_INF?: {
        "@id"?: string;
        TITLE?: string | { $?: string };
        UPDATED_DATE?: string;
        STATISTICS_NAME_SPEC?: { TABULATION_SUB_CATEGORY2?: string };
      };
      CLASS_INF?: { CLASS_OBJ?: { "@id": string; CLASS: EstatClass | EstatClass[] }[] };
      DATA_INF?: { VALUE?: EstatValue | EstatValue[] };
    };
  };
}

const FLOWS: Record<string, "import" | "export"> = { 輸出: "export", 輸入: "import" };

/**
 * The last month each year of a table covers, from its title: `(1-12月：確定) 2021年～2024年 , (1-6月：確報) 2026年`
 * covers all of 2021–2024 and January to June 2026. The tables print 0 for the months they do not cover yet, so a
 * month is read only when the title says the table covers it.
 */
export function coveredMonths(title: string): Map<number, number> {
  const months = new Map<number, number>();
  for (const part of title.matchAll(/\((\d{1,2})-(\d{1,2})月[^)]*\)\s*(\d{4})年(?:\s*[～~-]\s*(\d{4})年)?/g)) {
    const last = Number(part[2]);
    const from = Number(part[3]);
    const to = Number(part[4] ?? part[3]);
    for (let y = from; y <= to; y++) months.set(y, last);
  }
  return months;
}

const listOf = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The facts of an e-Stat `getStatsData` answer (JSON) holding a table of Japan's trade statistics by commodity and
 * country (普通貿易統計, 品別国別表): one value in yen (`revenue_jpy`; the tables count thousands of yen) per
 * commodity, country and month. Commodity codes are Japan's 9-digit statistical codes: the first six digits are the
 * HS subheading, and a code not ending in 000 subdivides it, so its facts are filed under a product of its own
 * (`HS 8542.31, Japan 854231100`), never added up into the subheading. A value's position in the answer's `VALUE`
 * list is its "line".
 */
export function readEstat(
  file: string,
  doc: EstatAnswer,
  options: StatSourceOptions,
  skipped: Record<string, number>,
): FactSourceRecord[] {
  const data = doc.GET_STATS_DATA?.STATISTICAL_DATA;
  const table = data?.TABLE_INF;
  const title = typeof table?.TITLE === "string" ? table.TITLE : (table?.TITLE?.$ ?? "");
  const flow = FLOWS[table?.STATISTICS_NAME_SPEC?.TABULATION_SUB_CATEGORY2 ?? ""];
  const values = listOf(data?.DATA_INF?.VALUE);
  if (!data || !table || !flow || !values.length)
    throw new ImportFormatError(
      `${file}: expected an e-Stat getStatsData answer (JSON) of a trade table by commodity and country (輸出 or 輸入) with a VALUE list`,
    );
  const months = coveredMonths(title);
  const monthOf = new Map<string, { month: number | null; unit: string }>();
  for (const c of listOf(data.CLASS_INF?.CLASS_OBJ?.find((o) => o["@id"] === "cat02")?.CLASS)) {
    const m = /^(\d{1,2})月_金額$/.exec(c["@name"]);
    monthOf.set(c["@code"], { month: m ? Number(m[1]) : null, unit: c["@unit"] ?? "" });
  }
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const tableName = `Trade Statistics of Japan, e-Stat table ${table["@id"] ?? ""}`.trim();
  const updated = table.UPDATED_DATE ?? "";

  return values.flatMap((v, i): FactSourceRecord[] => {
    const position = i + 1;
    const errors: { column: string; value: string; message: string }[] = [];
    const kind = monthOf.get(v["@cat02"] ?? "");
    if (!kind)
      errors.push({
        column: "@cat02",
        value: v["@cat02"] ?? "",
        message: "expected a month's amount (N月_金額) listed in CLASS_INF",
      });
    else if (kind.month === null) {
      skip(SKIP_QUANTITIES);
      return [];
    }
    const year = /^(\d{4})000000$/.exec(v["@time"] ?? "")?.[1];
    if (!year)
      errors.push({ column: "@time", value: v["@time"] ?? "", message: "expected a year code such as 2024000000" });
    const partner = ESTAT_AREAS[v["@area"] ?? ""];
    if (!partner)
      errors.push({
        column: "@area",
        value: v["@area"] ?? "",
        message: `expected a known country code (${Object.keys(ESTAT_AREAS).join(", ")})`,
      });
    const code = v["@cat01"] ?? "";
    const hs = /^(\d{6})\d{3}$/.exec(code)?.[1];
    if (!hs) errors.push({ column: "@cat01", value: code, message: "expected a 9-digit statistical code" });
    const unit = v["@unit"] ?? kind?.unit;
    if (unit !== "千円")
      errors.push({ column: "@unit", value: unit ?? "", message: "expected 千円 (thousands of yen)" });
    const amount = v.$ ?? "";
    if (!/^\d+$/.test(amount))
      errors.push({ column: "$", value: amount, message: "expected a whole number of thousands of yen" });
    if (errors.length || !kind?.month || !year || !partner || !hs) return [{ line: position, errors }];
    const last = months.get(Number(year));
    if (last === undefined)
      return [
        {
          line: position,
          errors: [
            {
              column: "@time",
              value: v["@time"]!,
              message: `the table's title does not say which months of ${year} it covers: ${title}`,
            },
          ],
        },
      ];
    if (kind.month > last) {
      skip(SKIP_NOT_YET);
      return [];
    }
    const period = `${year}-${String(kind.month).padStart(2, "0")}`;
    return [
      toStatFact(
        {
          position,
          reporter: "JPN",
          partner,
          flow,
          hsCode: hs,
          // A code ending in 000 is the HS subheading itself; any other subdivides it and is its own product.
          ...(code.endsWith("000") ? {} : { nationalCode: `Japan ${code}` }),
          period,
          metric: "revenue_jpy",
          value: amount === "0" ? "0" : `${amount}000`,
          publisher: "Ministry of Finance, Japan",
          table: tableName,
          updated,
          defaultUrl: ESTAT_URL,
          defaultLocator: `${title}: commodity ${code}, area ${v["@area"]}, ${year} ${kind.month}月_金額`,
          note: `Statistical code ${code} (HS ${hs}); ${amount} thousand yen as the table prints it (${title})`,
        },
        options,
      ),
    ];
  });
}
