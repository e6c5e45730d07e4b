-- chipflow's store. Dimensions first, then sources and datasets, then facts and events.

CREATE TABLE countries (
  iso3      TEXT PRIMARY KEY,          -- ISO 3166-1 alpha-3, or WLD / ROW
  m49       TEXT,                      -- UN M49 numeric code, as UN Comtrade uses it
  name      TEXT NOT NULL,
  region    TEXT NOT NULL,
  subregion TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE vendors (
  id         INTEGER PRIMARY KEY,
  slug       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  hq_country TEXT REFERENCES countries (iso3),
  notes      TEXT
);

CREATE TABLE products (
  id        INTEGER PRIMARY KEY,
  slug      TEXT NOT NULL UNIQUE,
  vendor_id INTEGER REFERENCES vendors (id),   -- NULL: a trade category with no vendor (an HS code)
  name      TEXT NOT NULL COLLATE NOCASE,
  category  TEXT NOT NULL,
  hs_codes  TEXT,                               -- semicolon-separated HS codes
  notes     TEXT
);
CREATE UNIQUE INDEX products_vendor_name ON products (ifnull(vendor_id, 0), name);

CREATE TABLE buyers (
  id      INTEGER PRIMARY KEY,
  slug    TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
  country TEXT REFERENCES countries (iso3),
  notes   TEXT
);

CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  publisher    TEXT NOT NULL,
  title        TEXT NOT NULL,
  url          TEXT NOT NULL,
  published_on TEXT NOT NULL,          -- YYYY, YYYY-MM or YYYY-MM-DD
  notes        TEXT
);
CREATE UNIQUE INDEX sources_identity ON sources (url, title, publisher, published_on);

CREATE TABLE datasets (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  licence     TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL CHECK (kind IN ('curated', 'imported', 'synthetic')),
  priority    INTEGER NOT NULL DEFAULT 0,   -- higher wins when datasets give competing figures for one cell
  format      TEXT,
  imported_at TEXT,
  row_count   INTEGER NOT NULL DEFAULT 0,
  checksum    TEXT                          -- sha256 of the imported file
);

CREATE TABLE facts (
  id            INTEGER PRIMARY KEY,
  dataset_id    TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source_id     INTEGER NOT NULL REFERENCES sources (id),
  vendor_id     INTEGER REFERENCES vendors (id),     -- NULL: all vendors
  product_id    INTEGER REFERENCES products (id),    -- NULL: all products of the vendor
  category      TEXT,                                -- the product's category, or the row's own when product is NULL
  origin        TEXT REFERENCES countries (iso3),
  destination   TEXT REFERENCES countries (iso3),
  buyer_id      INTEGER REFERENCES buyers (id),
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL,
  granularity   TEXT NOT NULL CHECK (granularity IN ('day', 'month', 'quarter', 'half', 'year', 'span')),
  period_label  TEXT,                                -- fiscal name such as "Q3 FY2026"
  metric        TEXT NOT NULL,
  value         REAL,
  low           REAL,
  high          REAL,
  estimate_kind TEXT NOT NULL CHECK (estimate_kind IN ('reported', 'estimate', 'forecast')),
  confidence    TEXT CHECK (confidence IN ('high', 'medium', 'low')),
  note          TEXT,
  CHECK (period_start <= period_end),
  CHECK (value IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL))
);

-- The natural key: one dataset never holds the same figure from the same source twice.
CREATE UNIQUE INDEX facts_natural_key ON facts (
  dataset_id, metric, ifnull(vendor_id, 0), ifnull(product_id, 0), ifnull(origin, ''), ifnull(destination, ''),
  ifnull(buyer_id, 0), period_start, period_end, source_id
);
CREATE INDEX facts_metric_period ON facts (metric, period_start, period_end);
CREATE INDEX facts_source ON facts (source_id);

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  date           TEXT NOT NULL,        -- YYYY, YYYY-MM or YYYY-MM-DD
  effective_date TEXT,
  jurisdiction   TEXT NOT NULL REFERENCES countries (iso3),
  actor          TEXT NOT NULL,
  title          TEXT NOT NULL,
  description    TEXT NOT NULL,
  confidence     TEXT CHECK (confidence IN ('high', 'medium', 'low')),
  source_id      INTEGER NOT NULL REFERENCES sources (id)
);
CREATE INDEX events_date ON events (date);
