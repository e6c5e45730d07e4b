/**
 * One value as a field of PostgreSQL's CSV format: NULL is the empty, unquoted field; text is always quoted, so an
 * empty string stays an empty string; numbers are written as JavaScript prints them (the shortest exact form).
 */
export function toCsvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Buffer.isBuffer(value)) return `"\\x${value.toString("hex")}"`;
  return `"${(value as string).replaceAll('"', '""')}"`;
}
