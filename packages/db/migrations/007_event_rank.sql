-- The events a time axis shows first: 1 for the rule that moved the flows most, and so on; NULL for the rest, which
-- a reader opens with "all events".
ALTER TABLE events ADD COLUMN rank INTEGER;
ALTER TABLE events ADD COLUMN label TEXT;   -- a few words that name it on a chart
