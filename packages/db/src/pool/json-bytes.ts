const encoder = new TextEncoder();

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  Object.getPrototypeOf(value) === Object.prototype &&
  typeof (value as { toJSON?: unknown }).toJSON !== "function";

/**
 * The UTF-8 bytes of `JSON.stringify(value)`, the same bytes, made faster for answers whose bulk is ASCII. V8 keeps
 * a string one byte per character until one character needs two, and then all of it takes two, which makes its
 * UTF-8 encoding several times slower: one "’" in a country's name (Côte d’Ivoire) among a flow's 2,000 links did
 * that to the whole 600 KB answer. So each property of a plain object is written on its own, `depth` levels down,
 * and only the parts that hold such a character pay for it (flows at 1M facts: 3.1 ms rather than 4.6 ms).
 */
export function jsonBytes(value: unknown, depth = 2): Uint8Array {
  const parts: Uint8Array[] = [];
  write(value, depth, parts);
  if (parts.length === 1) return parts[0]!;
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

function write(value: unknown, depth: number, parts: Uint8Array[]): void {
  if (depth === 0 || !isPlainObject(value)) {
    parts.push(encoder.encode(JSON.stringify(value)));
    return;
  }
  let head = "{";
  for (const [key, v] of Object.entries(value)) {
    // JSON.stringify leaves out what has no JSON form as a property's value.
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    parts.push(encoder.encode(`${head}${JSON.stringify(key)}:`));
    write(v, depth - 1, parts);
    head = ",";
  }
  parts.push(encoder.encode(head === "{" ? "{}" : "}"));
}
