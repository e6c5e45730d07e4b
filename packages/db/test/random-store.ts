import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WritableDb } from "../src/handles.js";
import { openWritable } from "../src/open-writable.js";
import { rebuildRollups } from "../src/rollups/rebuild-rollups.js";

// Small synthetic (made-up) databases: three vendors, two products each, two products of no vendor (as customs
// headings are), a few countries and sources.
export const VENDORS = ["va", "vb", "vc"];
export const PRODUCTS: { slug: string; vendor: number | null; category: string }[] = [
  ...VENDORS.flatMap((v, i) =>
    [1, 2].map((k) => ({ slug: `${v}-p${k}`, vendor: i + 1, category: k === 1 ? "gpu" : "cpu" })),
  ),
  { slug: "hs-1", vendor: null, category: "gpu" },
  { slug: "hs-2", vendor: null, category: "cpu" },
];
/** The id of a fact's product: one of its vendor's, or of no vendor's for a fact of no vendor. */
const productId = (vendor: number | null, product: number | null) =>
  product === null ? null : vendor === null ? VENDORS.length * 2 + product + 1 : (vendor - 1) * 2 + product + 1;
export const COUNTRIES = ["USA", "CHN", "NLD", "JPN"];
const MONTHS = ["01", "02", "03", "04", "05", "06"].map((m) => [
  `2024-${m}-01`,
  `2024-${m}-${m === "02" ? "29" : ["04", "06"].includes(m) ? "30" : "31"}`,
]);
const COARSE = [
  ["2024-01-01", "2024-03-31"],
  ["2024-01-01", "2024-12-31"],
];

/** A random fact: `messy` ones leave dimensions out, compete across datasets and mix metrics. */
export const fact = (messy: boolean) =>
  fc.record({
    dataset: messy ? fc.integer({ min: 0, max: 2 }) : fc.constant(0),
    vendor: messy ? fc.option(fc.integer({ min: 1, max: 3 }), { freq: 8 }) : fc.integer({ min: 1, max: 3 }),
    product: messy ? fc.option(fc.integer({ min: 0, max: 1 }), { freq: 6 }) : fc.integer({ min: 0, max: 1 }),
    origin: messy ? fc.constantFrom("USA", "CHN", "WLD", null) : fc.constantFrom("USA", "CHN"),
    destination: messy ? fc.constantFrom(...COUNTRIES, "WLD", null) : fc.constantFrom(...COUNTRIES),
    period: messy ? fc.integer({ min: 0, max: 7 }) : fc.integer({ min: 0, max: 5 }),
    label: messy ? fc.option(fc.constant("Q1 FY2025"), { freq: 8 }) : fc.constant(null),
    metric: messy ? fc.constantFrom("units", "units", "revenue_share_pct") : fc.constant("units"),
    value: fc.oneof(
      fc.integer({ min: 1, max: 10_000 }),
      messy ? fc.double({ min: 0.1, max: 100, noNaN: true }) : fc.integer({ min: 1, max: 9 }),
    ),
    ranged: fc.boolean(),
    pointless: messy ? fc.boolean() : fc.constant(false),
    kind: fc.constantFrom("reported", "estimate", "forecast"),
    confidence: fc.constantFrom("high", "medium", "low", null),
    source: fc.integer({ min: 1, max: 4 }),
  });
/** A clean fact of no vendor, as customs figures are: a heading's trade from one country to another. */
const customsFact = fact(false).map((f) => ({ ...f, vendor: null }));
/**
 * A clean fact in one of three datasets, now and then with a fiscal label or no origin (rows that are not simple):
 * datasets that share cells, whose parts the rollups sum or the facts resolve.
 */
const sharedFact = fc
  .tuple(
    fact(false),
    fc.integer({ min: 0, max: 2 }),
    fc.option(fc.constant("Q1 FY2025"), { freq: 6 }),
    fc.option(fc.constant("USA"), { freq: 6 }),
  )
  .map(([f, dataset, label, origin]) => ({ ...f, dataset, label, origin: origin && f.origin }));

/**
 * The facts of a random database and the priorities of its datasets, each kind about a quarter of the time: clean
 * (one dataset, every dimension set), customs (clean, but of no vendor), shared (see `sharedFact`) or messy (see
 * `fact`).
 */
export const randomFacts = fc.constantFrom("clean", "customs", "shared", "messy").chain((kind) =>
  fc.tuple(
    fc.array(kind === "customs" ? customsFact : kind === "shared" ? sharedFact : fact(kind === "messy"), {
      maxLength: 60,
    }),
    kind === "messy" || kind === "shared"
      ? fc.array(fc.integer({ min: 0, max: 2 }), { minLength: kind === "shared" ? 3 : 1, maxLength: 3 })
      : fc.constant<number[]>([0]),
  ),
);

/**
 * A fact, and the buyer it names (1 or 2) if any; `vendorless`: it names its vendor's product but leaves the vendor
 * open, as a country's total of that product does.
 */
export type Fact = (ReturnType<typeof fact> extends fc.Arbitrary<infer T> ? T : never) & {
  buyer?: number;
  vendorless?: boolean;
};

/**
 * Ways a copy of a fact can keep a cell from being the plain sum of its facts (it holds, competes with or meets
 * another dataset's), and one way that does not (a fact of no placed destination is in no cell).
 */
const FLAWS: ((f: Fact) => Fact)[] = [
  (f) => ({ ...f, origin: null }),
  (f) => ({ ...f, origin: "WLD" }),
  (f) => ({ ...f, product: null }),
  (f) => ({ ...f, dataset: 1, period: (f.period + 1) % 6 }),
  (f) => ({ ...f, period: 6 }),
  (f) => ({ ...f, period: 7 }),
  (f) => ({ ...f, buyer: 1 }),
  (f) => ({ ...f, destination: "WLD" }),
  (f) => ({ ...f, vendor: null }),
  (f) => ({ ...f, vendorless: true }),
];

/**
 * Clean facts (see `randomFacts`), half the time each naming one of two buyers, and a flawed copy of one of them (see
 * `FLAWS`), so that it meets the fact it was copied from in some cell; in two datasets.
 */
export const flawedFacts = fc
  .tuple(fc.array(fact(false), { minLength: 1, maxLength: 40 }), fc.boolean(), fc.nat(), fc.constantFrom(...FLAWS))
  .map(([clean, bought, k, flaw]): [Fact[], number[]] => {
    const facts: Fact[] = bought ? clean.map((f, i) => ({ ...f, buyer: 1 + (i % 2) })) : clean;
    return [
      [...facts, flaw(facts[k % facts.length]!)],
      [0, 1],
    ];
  });

let built = 0;

/** A SQLite database holding these facts, in datasets of these priorities, with fresh rollups. */
export function buildDb(facts: Fact[], priorities: number[]): WritableDb {
  const db = openWritable(join(mkdtempSync(join(tmpdir(), "chipflow-rollup-")), "db.sqlite"));
  VENDORS.forEach((v, i) =>
    db.prepare("INSERT INTO vendors (id, slug, name) VALUES (?, ?, ?)").run(i + 1, v, `Vendor ${v}`),
  );
  PRODUCTS.forEach((p, i) =>
    db
      .prepare("INSERT INTO products (id, slug, vendor_id, name, category) VALUES (?, ?, ?, ?, ?)")
      .run(i + 1, p.slug, p.vendor, p.slug, p.category),
  );
  for (const b of [1, 2])
    db.prepare("INSERT INTO buyers (id, slug, name) VALUES (?, ?, ?)").run(b, `b${b}`, `Buyer ${b}`);
  for (let s = 1; s <= 4; s++)
    db.prepare("INSERT INTO sources (id, publisher, title, url, published_on) VALUES (?, 'Synthetic', ?, ?, ?)").run(
      s,
      `S${s}`,
      `https://example.org/${s}`,
      `2024-0${s}`,
    );
  priorities.forEach((p, d) =>
    db
      .prepare("INSERT INTO datasets (id, title, kind, priority) VALUES (?, 'Synthetic', 'synthetic', ?)")
      .run(`d${d}`, p),
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO facts (dataset_id, source_id, vendor_id, product_id, category, origin, destination,
       period_start, period_end, granularity, period_label, metric, value, low, high, estimate_kind, confidence,
       buyer_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of facts) {
    const vendor = f.vendorless ? null : (f.vendor ?? null);
    const product = productId(f.vendor ?? null, f.product);
    const [start, end] = f.period < 6 ? MONTHS[f.period]! : COARSE[f.period - 6]!;
    const value = f.pointless ? null : f.value;
    const ranged = f.ranged || value === null;
    insert.run(
      `d${Math.min(f.dataset, priorities.length - 1)}`,
      f.source,
      vendor,
      product,
      product === null ? null : PRODUCTS[product - 1]!.category,
      f.origin,
      f.destination,
      start,
      end,
      f.period === 6 ? "quarter" : f.period === 7 ? "year" : "month",
      f.label,
      f.metric,
      value,
      ranged ? Math.floor(f.value * 0.8) : null,
      ranged ? Math.ceil(f.value * 1.2) : null,
      f.kind,
      f.confidence,
      f.buyer ?? null,
    );
  }
  // Each database a time of import of its own, as each import has: a handle that outlives one database (copied into
  // the same PostgreSQL database in turn) tells the next one's datasets from it by their markers.
  const importedAt = new Date(Date.UTC(2024, 6, 1) + built++ * 1000).toISOString();
  priorities.forEach((_, d) => {
    db.prepare(
      "UPDATE datasets SET row_count = (SELECT count(*) FROM facts WHERE dataset_id = ?), imported_at = ? WHERE id = ?",
    ).run(`d${d}`, importedAt, `d${d}`);
    rebuildRollups(db, `d${d}`);
  });
  return db;
}

/** A random series or breakdown query over the random databases' dimensions. */
export const query = fc.record({
  metric: fc.constantFrom("units", "units", "units", "revenue_share_pct"),
  groupBy: fc.constantFrom("vendor", "destination", "product", "category", "origin"),
  interval: fc.constantFrom("month", "quarter", "year"),
  vendor: fc.subarray(VENDORS),
  destination: fc.oneof(fc.constant([]), fc.subarray(COUNTRIES)),
  product: fc.oneof(fc.constant([]), fc.subarray(PRODUCTS.map((p) => p.slug))),
  category: fc.oneof(fc.constant([]), fc.constant(["gpu"]), fc.subarray(["gpu", "cpu"])),
  dataset: fc.oneof(fc.constant([]), fc.subarray(["d0", "d1"])),
  // The last range cuts January and May in two: their facts overlap it without lying inside it.
  range: fc.constantFrom(
    [],
    ["2024-01-01", "2024-03-31"],
    ["2024-02-01", "2024-06-30"],
    ["2024-04-01", undefined],
    ["2024-01-15", "2024-05-15"],
  ),
  top: fc.option(fc.integer({ min: 1, max: 3 })),
});
export type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

/** A query as the API's query string gives it. */
export const input = (q: Query) => ({
  metric: q.metric,
  groupBy: q.groupBy,
  ...(q.vendor.length ? { vendor: q.vendor.join(",") } : {}),
  ...(q.destination.length ? { destination: q.destination.join(",") } : {}),
  ...(q.product.length ? { product: q.product.join(",") } : {}),
  ...(q.category.length ? { category: q.category.join(",") } : {}),
  ...(q.dataset.length ? { dataset: q.dataset.join(",") } : {}),
  ...(q.range[0] ? { from: q.range[0] } : {}),
  ...(q.range[1] ? { to: q.range[1] } : {}),
  ...(q.top !== null ? { top: String(q.top) } : {}),
});
