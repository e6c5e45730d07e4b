/** The 47 columns of a Comtrade+ CSV (the current API and web download), in order. */
export const COMTRADE_PLUS_COLUMNS = [
  "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
  "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code", "partner2ISO",
  "partner2Desc", "classificationCode", "classificationSearchCode", "isOriginalClassification", "cmdCode", "cmdDesc",
  "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr",
  "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty", "isAltQtyEstimated", "netWgt",
  "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue",
  "legacyEstimationFlag", "isReported", "isAggregate",
] as const; // prettier-ignore

/** The 35 columns of the legacy Comtrade web CSV, in order. */
export const COMTRADE_LEGACY_COLUMNS = [
  "Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code", "Trade Flow Code",
  "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code", "Partner", "Partner ISO",
  "2nd Partner Code", "2nd Partner", "2nd Partner ISO", "Customs Proc. Code", "Customs", "Mode of Transport Code",
  "Mode of Transport", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Alt Qty Unit Code",
  "Alt Qty Unit", "Alt Qty", "Netweight (kg)", "Gross weight (kg)", "Trade Value (US$)", "CIF Trade Value (US$)",
  "FOB Trade Value (US$)", "Flag",
] as const; // prettier-ignore

/** The fields of a Comtrade row that the import uses, whatever the file's variant calls them. */
export interface ComtradeFields {
  /** A (annual), M (monthly), or blank when the variant infers it from the period. */
  freq: string;
  period: string;
  reporterCode: string;
  partnerCode: string;
  partner2Code: string;
  /** M, X, RM, RX (Comtrade+) or 1, 2, 3, 4 (legacy). */
  flowCode: string;
  classification: string;
  cmdCode: string;
  customsCode: string;
  motCode: string;
  qtyUnitCode: string;
  qty: string;
  /** `isQtyEstimated` (true/false), or the legacy estimation flag (0 = none). */
  qtyEstimated: string;
  primaryValue: string;
}

export type ComtradeField = keyof ComtradeFields;

/** A Comtrade CSV variant: its name (recorded as the dataset's format) and where each field is. */
export interface ComtradeVariant {
  format:
    | "comtrade-plus-csv"
    | "comtrade-legacy-csv"
    | "comtrade-legacy-api-csv"
    | "comtrade-compact-csv"
    | "comtrade-compact-hs-csv";
  /** A column only this variant has, to recognise it by its header. */
  marker: string;
  columns: Record<ComtradeField, string | null>;
}

export const COMTRADE_VARIANTS: readonly ComtradeVariant[] = [
  {
    format: "comtrade-plus-csv",
    marker: "reporterCode",
    columns: {
      freq: "freqCode",
      period: "period",
      reporterCode: "reporterCode",
      partnerCode: "partnerCode",
      partner2Code: "partner2Code",
      flowCode: "flowCode",
      classification: "classificationCode",
      cmdCode: "cmdCode",
      customsCode: "customsCode",
      motCode: "motCode",
      qtyUnitCode: "qtyUnitCode",
      qty: "qty",
      qtyEstimated: "isQtyEstimated",
      primaryValue: "primaryValue",
    },
  },
  {
    format: "comtrade-legacy-csv",
    marker: "Reporter Code",
    columns: {
      freq: null,
      period: "Period",
      reporterCode: "Reporter Code",
      partnerCode: "Partner Code",
      partner2Code: "2nd Partner Code",
      flowCode: "Trade Flow Code",
      classification: "Classification",
      cmdCode: "Commodity Code",
      customsCode: "Customs Proc. Code",
      motCode: "Mode of Transport Code",
      qtyUnitCode: "Qty Unit Code",
      qty: "Qty",
      qtyEstimated: "Flag",
      primaryValue: "Trade Value (US$)",
    },
  },
  {
    format: "comtrade-legacy-api-csv",
    marker: "rtCode",
    columns: {
      freq: null,
      period: "period",
      reporterCode: "rtCode",
      partnerCode: "ptCode",
      partner2Code: "ptCode2",
      flowCode: "rgCode",
      classification: "pfCode",
      cmdCode: "cmdCode",
      customsCode: "cstCode",
      motCode: "motCode",
      qtyUnitCode: "qtCode",
      qty: "TradeQuantity",
      qtyEstimated: "estCode",
      primaryValue: "TradeValue",
    },
  },
  {
    // The few fields that API scripts often keep of a Comtrade+ answer: reporter, partner, year, flow, code, value.
    format: "comtrade-compact-csv",
    marker: "value_usd",
    columns: {
      freq: null,
      period: "year",
      reporterCode: "reporter_code",
      partnerCode: "partner_code",
      partner2Code: null,
      flowCode: "flow",
      classification: "classification",
      cmdCode: "cmd",
      customsCode: null,
      motCode: null,
      qtyUnitCode: null,
      qty: null,
      qtyEstimated: null,
      primaryValue: "value_usd",
    },
  },
  {
    // The same with the flow code and HS code named so, and the value as trade_value_usd.
    format: "comtrade-compact-hs-csv",
    marker: "trade_value_usd",
    columns: {
      freq: null,
      period: "year",
      reporterCode: "reporter_code",
      partnerCode: "partner_code",
      partner2Code: null,
      flowCode: "flow_code",
      classification: null,
      cmdCode: "hs_code",
      customsCode: null,
      motCode: null,
      qtyUnitCode: null,
      qty: null,
      qtyEstimated: null,
      primaryValue: "trade_value_usd",
    },
  },
];

/** The variant whose marker column the header holds, if any. */
export function findComtradeVariant(header: readonly string[]): ComtradeVariant | undefined {
  return COMTRADE_VARIANTS.find((v) => header.includes(v.marker));
}
