const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `=`, `+`, `-`, `@`, tab and carriage return: the first characters a spreadsheet may run as a formula. */
function startsFormula(value: string): boolean {
  const c = value.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/**
 * Keeps a spreadsheet from running a cell as a formula: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading apostrophe. Numbers such as `-5` or `+1.5e3` stay numbers.
 */
export function neutraliseCell(value: string): string {
  if (!startsFormula(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/**
 * The inverse of `neutraliseCell`, for cells read back from a chipflow CSV: an apostrophe that stands before
 * formula-like text (and that `neutraliseCell` would have added) is dropped, so an export imports again unchanged.
 */
export function restoreCell(value: string): string {
  if (value.charCodeAt(0) !== 0x27) return value;
  const rest = value.slice(1);
  return neutraliseCell(rest) === value ? rest : value;
}
