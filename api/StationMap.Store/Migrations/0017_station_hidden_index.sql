-- The live records a place's pin hides. Matching asks "is any record hidden?" before deciding there is nothing to match
-- (one live source, no operator decision): without this index that question read the whole table (2.7-5.6 s at a
-- million stations, after every large import). The index holds only the hidden records (a fraction of the store, none
-- in a store of one source), and a bulk load's rows, all pins, never enter it.
CREATE INDEX station_hidden_idx ON station (place_id) WHERE NOT pin AND retired_at IS NULL;
