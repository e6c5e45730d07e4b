-- Where in its document a figure stands, and whose document it is; one date per event, with what it marks.

ALTER TABLE sources ADD COLUMN locator TEXT NOT NULL DEFAULT '';   -- e.g. "10-K FY2025, Note 16, Revenue by geographic area"
ALTER TABLE sources ADD COLUMN type TEXT CHECK (type IN ('primary', 'secondary'));   -- NULL: not stated
DROP INDEX sources_identity;
CREATE UNIQUE INDEX sources_identity ON sources (url, title, publisher, published_on, locator);

ALTER TABLE events ADD COLUMN date_kind TEXT NOT NULL DEFAULT 'announced'
  CHECK (date_kind IN ('announced', 'published', 'effective', 'occurred'));
ALTER TABLE events DROP COLUMN effective_date;
