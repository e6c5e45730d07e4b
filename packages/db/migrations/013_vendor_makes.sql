-- What a vendor makes: chips, or the tools that make them (NULL: neither in particular, such as a foundry). A chart
-- of a tool maker's sales shows the events about tools first.

ALTER TABLE vendors ADD COLUMN makes TEXT CHECK (makes IN ('chips', 'tools'));
