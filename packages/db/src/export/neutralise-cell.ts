const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Keeps a spreadsheet from running a cell as a formula: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading apostrophe. Numbers such as `-5` or `+1.5e3` stay numbers.
 */
export function neutraliseCell(value: string): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
