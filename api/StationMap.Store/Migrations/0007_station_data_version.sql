-- A data version of the station table, bumped by every statement that writes to it, and NOTIFY stations_changed
-- with the new version so that every API process can refresh its in-memory nearest index.
-- A one-row table rather than a sequence: the row is transactional, so a reader that takes the version and the
-- stations in one snapshot knows exactly which version it holds (a sequence moves before the writer commits).
-- The price is that concurrent writers to station serialise on this row until they commit; imports are rare.
-- The trigger runs BEFORE each statement, so a transaction takes this row before it locks any station row: two
-- writers queue on it instead of deadlocking (one holding the version row and wanting a station row the other holds).
CREATE TABLE station_data_version (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO station_data_version (version) VALUES (1);

-- Statement level, so an import of a million rows bumps once per statement, not per row; a statement that changes
-- no row still bumps (an over-approximation: readers reload an equal index). A statement that fails rolls the bump
-- back with it. NOTIFY is delivered on commit only, and each bump has its own payload, so listeners see the last
-- committed version.
CREATE FUNCTION station_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_version bigint;
BEGIN
    UPDATE station_data_version SET version = version + 1, changed_at = now() RETURNING version INTO new_version;
    PERFORM pg_notify('stations_changed', new_version::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER station_data_changed
    BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON station
    FOR EACH STATEMENT EXECUTE FUNCTION station_data_changed();
