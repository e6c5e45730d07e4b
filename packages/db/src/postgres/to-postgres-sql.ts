/** A statement as PostgreSQL takes it: `$n` placeholders and their values. */
export interface PostgresQuery {
  text: string;
  values: unknown[];
}

const INT4 = 2 ** 31;

/**
 * A placeholder's type cast, from the value bound to it: PostgreSQL must know each parameter's type up front.
 * Whole numbers are `int4` where they fit, which PostgreSQL widens wherever a larger type is wanted.
 */
function castOf(value: unknown): string {
  if (typeof value === "bigint") return "::int8";
  if (typeof value === "number")
    return !Number.isInteger(value) ? "::float8" : value >= -INT4 && value < INT4 ? "::int4" : "::int8";
  if (typeof value === "boolean") return "::int4";
  if (Buffer.isBuffer(value)) return "::bytea";
  return "::text";
}

const toValue = (value: unknown) => (typeof value === "boolean" ? Number(value) : value);

/** Positional values in order, or one object of named values, as better-sqlite3 takes them. */
function splitParams(params: unknown[]): { positional: unknown[]; named: Record<string, unknown> } {
  const flat = params.flatMap((p): unknown[] => (Array.isArray(p) ? (p as unknown[]) : [p]));
  const isNamed = (p: unknown) => p !== null && typeof p === "object" && !Buffer.isBuffer(p);
  return {
    positional: flat.filter((p) => !isNamed(p)),
    named: Object.assign({}, ...(flat.filter(isNamed) as object[])) as Record<string, unknown>,
  };
}

// Quoted text, quoted names and comments are copied as they are; `?` and `@name` outside them are placeholders.
const TOKENS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\?|@[A-Za-z_]\w*/g;

/**
 * SQLite's placeholders (`?` in order, `@name` by name) as PostgreSQL's `$n`, each cast to its value's type so
 * that `@x IS NULL OR col = @x` plans; a NULL becomes the literal `NULL`, which PostgreSQL types from its context as
 * SQLite does. Unbound names and missing positions throw, as better-sqlite3 does.
 */
export function toPostgresSql(sql: string, params: unknown[]): PostgresQuery {
  const { positional, named } = splitParams(params);
  const values: unknown[] = [];
  const slots = new Map<string, string>();
  let next = 0;
  const bind = (key: string, value: unknown) => {
    if (value === null || value === undefined) return "NULL";
    let slot = slots.get(key);
    if (!slot) {
      values.push(toValue(value));
      slots.set(key, (slot = `$${values.length}${castOf(value)}`));
    }
    return slot;
  };
  const text = sql.replace(TOKENS, (token) => {
    if (token === "?") {
      if (next >= positional.length) throw new RangeError("Too few parameter values were provided");
      return bind(`?${next}`, positional[next++]);
    }
    if (token.startsWith("@")) {
      const name = token.slice(1);
      if (!(name in named)) throw new RangeError(`Missing named parameter "${name}"`);
      return bind(token, named[name]);
    }
    return token;
  });
  if (next < positional.length) throw new RangeError("Too many parameter values were provided");
  return { text, values };
}
