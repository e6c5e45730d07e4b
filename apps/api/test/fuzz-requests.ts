import fc from "fast-check";

/** The parts of an OpenAPI 3 description the fuzzer reads. */
export interface OpenApiSpec {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
}
export interface OpenApiParameter {
  name: string;
  in: string;
  schema?: JsonSchema;
}
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

/** One GET endpoint with its parameters, as the app documents it. */
export interface Endpoint {
  path: string;
  query: OpenApiParameter[];
  pathParams: string[];
}

/** Every GET endpoint in the spec, plus the `.csv` variant of each data endpoint. */
export function listEndpoints(spec: OpenApiSpec): Endpoint[] {
  const endpoints = Object.entries(spec.paths)
    .filter(([, item]) => item.get)
    .map(([path, item]) => ({
      path,
      query: (item.get!.parameters ?? []).filter((p) => p.in === "query"),
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    }));
  const csv = endpoints
    .filter((e) => e.path.startsWith("/api/v1/") && !e.path.endsWith(".csv"))
    .filter((e) => !endpoints.some((o) => o.path === `${e.path}.csv`))
    .map((e) => ({ ...e, path: `${e.path}.csv` }));
  return [...endpoints, ...csv];
}

const SQL = [
  "' OR 1=1 --",
  "'; DROP TABLE facts; --",
  '" OR ""="',
  "1 UNION SELECT sql FROM sqlite_master",
  "%",
  "_",
  "\\",
  "NULL",
  "x' AND randomblob(1000000000) --",
  "(SELECT load_extension('x'))",
  "ATTACH DATABASE '/tmp/x' AS x",
];
const NUMBERS = [
  "-1",
  "0",
  "-0",
  "1e308",
  "-1e308",
  "NaN",
  "Infinity",
  "9007199254740993",
  "1.5",
  " 5",
  "0x10",
  "",
  "1_000",
];
const DATES = [
  "0000-01-01",
  "9999-12-31",
  "2024-02-30",
  "2024-13-01",
  "-271821-04-20",
  "+275760-09-13",
  "2024",
  "2024-Q5",
  "2024-00",
  "1970-01-01T00:00:00Z",
  "2024-1-1",
  "99999-01-01",
];
const KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "a[b]", "a.b", "", "format"];

/** Values for one parameter: mostly valid ones (so deep code runs), and every kind of hostile input. */
export function valueArb(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const valid = validValues(schema);
  return fc.oneof(
    { weight: 4, arbitrary: valid.length ? fc.constantFrom(...valid) : fc.string({ maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 3000 }) },
    { weight: 2, arbitrary: fc.constantFrom(...SQL) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom(...DATES) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  );
}

function validValues(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const own = (schema.enum ?? []).map(String);
  const nested = [...(schema.anyOf ?? []), ...(schema.items ? [schema.items] : [])].flatMap(validValues);
  const range =
    schema.type === "integer" || schema.type === "number"
      ? [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined).flatMap((n) => [n, n - 1, n + 1])
      : [];
  return [...new Set([...own, ...nested, ...range.map(String)])];
}

/** A query string: documented parameters (sometimes repeated, as arrays), unknown ones, and raw oddities. */
export function queryArb(endpoint: Endpoint): fc.Arbitrary<string> {
  const documented = endpoint.query.map((p) =>
    fc.option(
      fc.oneof(
        { weight: 3, arbitrary: valueArb(p.schema).map((v) => [[p.name, v]]) },
        {
          weight: 1,
          arbitrary: fc
            .array(valueArb(p.schema), { minLength: 2, maxLength: 5 })
            .map((vs) => vs.map((v) => [p.name, v])),
        },
        { weight: 1, arbitrary: valueArb(p.schema).map((v) => [[`${p.name}[]`, v]]) },
      ),
      { freq: 2 },
    ),
  );
  const unknown = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), valueArb(undefined)),
    {
      maxLength: 2,
    },
  );
  const raw = fc.option(fc.constantFrom("&&&", "=", "a==b", "%", "%zz", "%00", "a=%E0%A4%A", "+", "a=b;c=d", "?x=1"), {
    freq: 4,
  });
  return fc.tuple(fc.tuple(...documented), unknown, raw).map(([params, extra, rawPart]) => {
    const search = new URLSearchParams();
    for (const pairs of params) for (const [k, v] of pairs ?? []) search.append(k!, v!);
    for (const [k, v] of extra) search.append(k, v);
    const query = [search.toString(), rawPart ?? ""].filter(Boolean).join("&");
    return query ? `?${query}` : "";
  });
}

/** A path with its parameters filled in, sometimes with hostile segments. */
export function pathArb(endpoint: Endpoint): fc.Arbitrary<string> {
  if (!endpoint.pathParams.length) return fc.constant(endpoint.path);
  return fc
    .array(valueArb(undefined), { minLength: endpoint.pathParams.length, maxLength: endpoint.pathParams.length })
    .map((values) => {
      let path = endpoint.path;
      endpoint.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(values[i]!))));
      return path;
    });
}

/** A whole request URL for one of the endpoints. */
export function requestArb(endpoints: Endpoint[]): fc.Arbitrary<{ endpoint: Endpoint; url: string }> {
  return fc
    .constantFrom(...endpoints)
    .chain((endpoint) =>
      fc.tuple(pathArb(endpoint), queryArb(endpoint)).map(([path, query]) => ({ endpoint, url: path + query })),
    );
}
