-- Planning: weighted demand, candidate host sites for new stations, and the record of each site-selection run.

-- Where people need a station within reach (courier depots, freight companies, sanitation depots), weighted by how
-- many (riders, drivers, workers). A layer groups one kind of demand; coverage and runs work on one layer at a time.
CREATE TABLE demand_point (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text NOT NULL CHECK (length(btrim(source)) > 0),
    external_id text NOT NULL CHECK (length(btrim(external_id)) > 0),
    layer       text NOT NULL CHECK (length(btrim(layer)) > 0),
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    weight      double precision NOT NULL CHECK (weight >= 0 AND weight < 'Infinity'),
    district    text,
    location    geometry(Point, 4326) NOT NULL
                CHECK (ST_X(location) BETWEEN -180 AND 180 AND ST_Y(location) BETWEEN -90 AND 90),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT demand_point_source_external_id_key UNIQUE (source, external_id)
);

CREATE INDEX demand_point_layer_idx ON demand_point (layer);
CREATE INDEX demand_point_location_gix ON demand_point USING gist (location);
-- Coverage tests ST_DWithin on the spheroid, which needs the geography form indexed.
CREATE INDEX demand_point_geog_gix ON demand_point USING gist ((location::geography));

-- Places that could host a new station: bank branches, restaurants, supermarkets, petrol stations, property offices.
CREATE TABLE candidate_site (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text NOT NULL CHECK (length(btrim(source)) > 0),
    external_id text NOT NULL CHECK (length(btrim(external_id)) > 0),
    host_type   text NOT NULL CHECK (length(btrim(host_type)) > 0),
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    -- How many people the host could seat or serve at once; informative, not a constraint of the model.
    capacity    integer CHECK (capacity >= 0),
    district    text,
    address     text,
    location    geometry(Point, 4326) NOT NULL
                CHECK (ST_X(location) BETWEEN -180 AND 180 AND ST_Y(location) BETWEEN -90 AND 90),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT candidate_site_source_external_id_key UNIQUE (source, external_id)
);

CREATE INDEX candidate_site_location_gix ON candidate_site USING gist (location);
CREATE INDEX candidate_site_geog_gix ON candidate_site USING gist ((location::geography));

-- One site-selection run: what was asked, how far it got, and its answer (kept as a snapshot, so later imports of
-- demand or candidates do not change what a finished run said).
CREATE TABLE planning_run (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    progress     double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    parameters   jsonb NOT NULL,
    result       jsonb,
    error        text,
    requested_by text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);

CREATE INDEX planning_run_created_idx ON planning_run (created_at DESC);
