/**
 * Normalises an option against a list of allowed values, throwing `invalid ${name}: ${input}`
 * with the allowed values when it is not one of them.
 */
export function keyword<T extends string>(input: unknown, name: string, allowed: readonly T[]): T {
  const value = typeof input === "string" ? input.toLowerCase() : input;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`invalid ${name}: ${String(input)} (expected one of ${allowed.join(", ")})`);
}
