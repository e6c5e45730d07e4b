-- What an event bears on: chips, or the tools that make them (NULL: both, or neither in particular). A chart of
-- chip-making machines shows the events about tools first, a chart of chips those about chips.

ALTER TABLE events ADD COLUMN topic TEXT CHECK (topic IN ('chips', 'tools'));
