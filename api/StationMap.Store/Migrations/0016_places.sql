-- Places (issue 21): the records of different sources that are one physical station share a place_id, and readers
-- show one pin per place. Every record stays as its source imported it, keyed by (source, external_id); matching only
-- ever writes place_id and pin, and a record alone is a place of its own (a fresh place_id from the sequence), so a
-- store that was never matched shows every live record, as before.
CREATE SEQUENCE place_id_seq;

-- A volatile default fills every existing row with its own place (the table is rewritten once).
ALTER TABLE station
    ADD COLUMN place_id bigint NOT NULL DEFAULT nextval('place_id_seq'),
    -- The record its place shows: the best live record by source priority, then freshness. Readers take live pins.
    ADD COLUMN pin boolean NOT NULL DEFAULT true;

ALTER SEQUENCE place_id_seq OWNED BY station.place_id;

-- The card lists a place's records; matching reads the records of the places it touches.
CREATE INDEX station_place_idx ON station (place_id);

-- Per source: its priority when a place's pin is chosen (lower wins; a source without a row counts 100), and whether
-- its positions may be GCJ-02 exports labelled WGS-84 (the matcher then also reads them unshifted).
CREATE TABLE place_source (
    source      text PRIMARY KEY CHECK (length(btrim(source)) > 0),
    priority    integer NOT NULL DEFAULT 100 CHECK (priority BETWEEN 0 AND 1000),
    maybe_gcj02 boolean NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The matcher's thresholds and radii: one row, so that the importer and every API process decide alike.
CREATE TABLE place_settings (
    singleton          boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    match_score        double precision NOT NULL DEFAULT 5.0,
    review_score       double precision NOT NULL DEFAULT 2.5,
    station_radius_m   double precision NOT NULL DEFAULT 300 CHECK (station_radius_m > 0 AND station_radius_m <= 5000),
    rest_stop_radius_m double precision NOT NULL DEFAULT 1000 CHECK (rest_stop_radius_m > 0 AND rest_stop_radius_m <= 5000),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (review_score <= match_score)
);

INSERT INTO place_settings DEFAULT VALUES;

-- Pairs waiting for an operator, with the evidence the matcher saw (station_a < station_b). Matching keeps it
-- current: a pair that no longer scores in the review band, or was decided, leaves the queue.
CREATE TABLE match_review (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_a bigint NOT NULL REFERENCES station (id),
    station_b bigint NOT NULL REFERENCES station (id),
    score     double precision NOT NULL,
    evidence  jsonb NOT NULL,
    queued_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT match_review_ordered CHECK (station_a < station_b),
    CONSTRAINT match_review_pair_key UNIQUE (station_a, station_b)
);

CREATE INDEX match_review_station_b_idx ON match_review (station_b);

-- Operators' word on a pair, which wins over the matcher on every later match: link (one place) or unlink (never one
-- place). Kept per pair; a later decision on the same pair replaces it.
CREATE TABLE match_decision (
    station_a  bigint NOT NULL REFERENCES station (id),
    station_b  bigint NOT NULL REFERENCES station (id),
    decision   text NOT NULL CHECK (decision IN ('link', 'unlink')),
    operator   text NOT NULL,
    decided_at timestamptz NOT NULL DEFAULT now(),
    -- What the matcher showed when the pair was decided from the queue; null for a pair decided directly.
    evidence   jsonb,
    CONSTRAINT match_decision_ordered CHECK (station_a < station_b),
    PRIMARY KEY (station_a, station_b)
);

CREATE INDEX match_decision_station_b_idx ON match_decision (station_b);
