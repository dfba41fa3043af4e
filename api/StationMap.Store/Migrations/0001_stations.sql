-- Stations, workers' homes and checkpoint rest stops, and the checkpoints themselves.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE station (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source               text NOT NULL CHECK (length(btrim(source)) > 0),
    external_id          text NOT NULL CHECK (length(btrim(external_id)) > 0),
    kind                 text NOT NULL CHECK (kind IN ('warm_station', 'workers_home', 'checkpoint_rest_stop')),
    name                 text NOT NULL CHECK (length(btrim(name)) > 0),
    address              text,
    district             text,
    location             geometry(Point, 4326) NOT NULL
                         CHECK (ST_X(location) BETWEEN -180 AND 180 AND ST_Y(location) BETWEEN -90 AND 90),
    amenities            text[] NOT NULL DEFAULT '{}'
                         CHECK (amenities <@ ARRAY['drinking_water', 'hot_water', 'microwave', 'phone_charging', 'toilet',
                                                   'seating', 'air_conditioning', 'heating', 'first_aid', 'wifi',
                                                   'truck_parking', 'shower', 'refrigerator', 'repair_kit',
                                                   'reading_corner', 'lockers']),
    -- Raw OpenStreetMap opening_hours text, kept even when it does not parse (then it reads as "unknown").
    opening_hours        text,
    truck_parking_spaces integer CHECK (truck_parking_spaces >= 0),
    max_vehicle_length_m double precision CHECK (max_vehicle_length_m > 0 AND max_vehicle_length_m <= 40),
    hazmat_allowed       boolean,
    phone                text,
    host                 text,
    status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    retired_at           timestamptz,
    CONSTRAINT station_source_external_id_key UNIQUE (source, external_id)
);

-- Bounding-box queries on the planar geometry.
CREATE INDEX station_location_gix ON station USING gist (location);
-- Nearest queries rank on the sphere/spheroid, so they need the geography form indexed; retired stations never answer.
CREATE INDEX station_geog_live_gix ON station USING gist ((location::geography)) WHERE retired_at IS NULL;

CREATE TABLE checkpoint (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text NOT NULL,
    external_id text NOT NULL,
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    road        text,
    district    text,
    location    geometry(Point, 4326) NOT NULL
                CHECK (ST_X(location) BETWEEN -180 AND 180 AND ST_Y(location) BETWEEN -90 AND 90),
    CONSTRAINT checkpoint_source_external_id_key UNIQUE (source, external_id)
);

CREATE INDEX checkpoint_location_gix ON checkpoint USING gist (location);
