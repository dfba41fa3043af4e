-- Check-ins: what people at a station tell us (I rest here, it is open, closed, an amenity is missing, it is crowded).
-- Anonymous but accountable: device_key is an HMAC-SHA256 of the client's random device id under a server secret kept
-- outside the database, so one device's rows can be told from another's without the device being known. No position,
-- client address or raw device id is ever stored: the position is used for the proximity check and dropped.
CREATE TABLE checkin (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_id  bigint NOT NULL REFERENCES station (id),
    device_key  bytea NOT NULL CHECK (length(device_key) = 32),
    kind        text NOT NULL CHECK (kind IN ('visited', 'open_confirmed', 'closed_now', 'closed_permanently', 'amenity_missing', 'crowded')),
    amenity     text CHECK ((kind = 'amenity_missing') = (amenity IS NOT NULL)),
    -- 1: counts towards what others see and towards visits; 0: kept, but weighs nothing (README, "Check-ins").
    weight      smallint NOT NULL CHECK (weight IN (0, 1)),
    -- The operator key holder who checked in (worth two devices), or NULL for a device.
    operator    text,
    created_at  timestamptz NOT NULL,
    -- The China Standard Time day (one visit per device per station per day) and the hour since the epoch (one
    -- check-in per device per station per kind per hour), fixed at insert so the unique index below can hold them.
    day         date NOT NULL,
    hour_slot   bigint NOT NULL,
    comment     text CHECK (length(comment) BETWEEN 1 AND 200),
    -- What moderation made of it: pending (in the queue), approved, rejected; NULL when there is nothing to review
    -- (no comment, and not a permanent closure).
    review      text CHECK (review IN ('pending', 'approved', 'rejected'))
);

CREATE UNIQUE INDEX checkin_once_per_hour ON checkin (station_id, device_key, kind, hour_slot);
CREATE INDEX checkin_station_time ON checkin (station_id, created_at);
CREATE INDEX checkin_device_time ON checkin (device_key, created_at);
CREATE INDEX checkin_visits ON checkin (day, station_id) WHERE kind = 'visited' AND weight = 1;
CREATE INDEX checkin_review ON checkin (created_at) WHERE review = 'pending';

-- Visits per station and day, folded from check-ins older than the raw retention (Checkins:RawRetentionDays) by the
-- retention job, which deletes the rows it folded in the same transaction: a day is either here or in checkin.
CREATE TABLE visit_daily (
    station_id bigint NOT NULL REFERENCES station (id),
    day        date NOT NULL,
    visits     integer NOT NULL CHECK (visits > 0),
    PRIMARY KEY (station_id, day)
);

-- What the public sees of a station's check-ins, derived from its recent rows on every check-in (in the check-in's
-- transaction, under this row's lock) and announced by NOTIFY station_status_changed with the station id. Times say
-- when each state lapses, so a reader needs no recomputation as time passes: a state is on while now < its _until.
CREATE TABLE station_status (
    station_id         bigint PRIMARY KEY REFERENCES station (id),
    last_confirmed_at  timestamptz,
    confirmed_until    timestamptz,
    closed_reporters   integer NOT NULL DEFAULT 0,
    closed_since       timestamptz,
    closed_until       timestamptz,
    -- {"hot_water": "2026-12-02T10:00:00+08:00", ...}: each missing amenity and when the report lapses.
    missing_amenities  jsonb NOT NULL DEFAULT '{}',
    crowded_until      timestamptz,
    updated_at         timestamptz NOT NULL
);

-- Devices whose check-ins are ignored (the kill switch): accepted as usual, so a script learns nothing, and not kept.
CREATE TABLE device_block (
    device_key bytea PRIMARY KEY CHECK (length(device_key) = 32),
    blocked_at timestamptz NOT NULL,
    operator   text NOT NULL,
    reason     text
);

-- Every moderation decision, who made it and what it changed: a permanent closure approved retires the station as
-- an import would (and records an import_run), and can be reverted.
CREATE TABLE moderation_decision (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checkin_id  bigint REFERENCES checkin (id) ON DELETE SET NULL,
    station_id  bigint NOT NULL REFERENCES station (id),
    action      text NOT NULL CHECK (action IN ('approve', 'reject', 'revert', 'block_device')),
    operator    text NOT NULL,
    decided_at  timestamptz NOT NULL,
    import_run_id bigint REFERENCES import_run (id)
);

CREATE INDEX moderation_decision_station ON moderation_decision (station_id, decided_at);
