/** The records of an RFC 4180 CSV (quoted fields, doubled quotes, CRLF) as objects keyed by its header. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [[]];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  const endField = () => {
    records.at(-1)!.push(field);
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || (c === "\r" && body[i + 1] === "\n")) {
      if (c === "\r") i++;
      endField();
      records.push([]);
    } else field += c;
  }
  if (field !== "" || records.at(-1)!.length > 0) records.at(-1)!.push(field);
  const [header, ...rows] = records.filter((r) => r.length > 0);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

/**
 * Whether a figure as the dashboard writes it ("$17.1B", "1.0M units", "46%") is `value` to the precision shown:
 * within half of its last digit.
 */
export function showsValue(shown: string, value: number): boolean {
  const m = /^[$€]?(-?\d+(?:\.(\d+))?)([KMB]?)/.exec(shown);
  if (!m) return false;
  const scale = { "": 1, K: 1e3, M: 1e6, B: 1e9 }[m[3] as "" | "K" | "M" | "B"];
  const half = 0.5 * 10 ** -(m[2]?.length ?? 0) * scale;
  return Math.abs(Number(m[1]) * scale - value) <= half * (1 + 1e-9);
}
