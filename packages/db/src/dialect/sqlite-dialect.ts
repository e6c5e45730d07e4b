import type { Dialect } from "./dialect.js";

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export const sqliteDialect: Dialect = {
  name: "sqlite",
  jsonList: (param) => `(SELECT value FROM json_each(${param}))`,
  jsonTable: (param) => `json_each(${param})`,
  nocase: (column) => column,
  jsonArray: (expr) => `json_group_array(${expr})`,
  jsonRows: (param, columns) =>
    `(SELECT ${columns.map((c, i) => `value ->> ${i} AS ${c}`).join(", ")} FROM json_each(${param}))`,
  indexedBy: (index) => (index === null ? "NOT INDEXED" : `INDEXED BY ${index}`),
  groupConcat: (expr, { separator = ",", distinct = false, orderBy } = {}) =>
    distinct
      ? `group_concat(DISTINCT ${expr})` // SQLite takes no separator with DISTINCT: always ","
      : `group_concat(${expr}, ${quote(separator)}${orderBy ? ` ORDER BY ${orderBy}` : ""})`,
  total: (expr) => `total(${expr})`,
  contains: (haystack, needle) => `(instr(${haystack}, ${needle}) > 0)`,
  toInteger: (condition) => `(${condition})`,
  every: (condition) => `min(${condition})`,
  ifNull: (expr, fallback) => `ifnull(${expr}, ${fallback})`,
  noIndex: (column) => `+${column}`,
};
