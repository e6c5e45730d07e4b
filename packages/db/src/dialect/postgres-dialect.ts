import type { Dialect } from "./dialect.js";

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export const postgresDialect: Dialect = {
  name: "postgres",
  jsonList: (param, type = "text") =>
    `(SELECT value${type === "integer" ? "::bigint" : ""} FROM json_array_elements_text(CAST(${param} AS json)))`,
  jsonTable: (param) => `json_array_elements_text(CAST(${param} AS json))`,
  nocase: (column) => `lower(${column})`,
  jsonArray: (expr) => `coalesce(json_agg(${expr}), '[]')::text`,
  jsonRows: (param, columns) =>
    `(SELECT ${columns.map((c, i) => `e ->> ${i} AS ${c}`).join(", ")} FROM json_array_elements(CAST(${param} AS json)) e)`,
  indexedBy: () => "",
  groupConcat: (expr, { separator = ",", distinct = false, orderBy } = {}) =>
    distinct
      ? `string_agg(DISTINCT (${expr})::text, ',')`
      : `string_agg((${expr})::text, ${quote(separator)}${orderBy ? ` ORDER BY ${orderBy}` : ""})`,
  total: (expr) => `coalesce(sum(${expr})::float8, 0)`,
  contains: (haystack, needle) => `(strpos(${haystack}, ${needle}) > 0)`,
  toInteger: (condition) => `(CASE WHEN ${condition} THEN 1 ELSE 0 END)`,
  every: (condition) => `bool_and(${condition})`,
  ifNull: (expr, fallback) => `coalesce(${expr}, ${fallback})`,
  noIndex: (column) => column,
};
