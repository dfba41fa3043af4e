-- A hash of each station's content as the importer normalised it, so that an import compares one number per row
-- instead of thirteen columns, and an unchanged re-import writes nothing to the database at all.
-- NULL means "not known": rows written before this migration, or by anything other than the import merge.
ALTER TABLE station ADD COLUMN content_hash bigint;

-- A write that changes a station's content but not its hash (any writer other than the merge) makes the hash
-- unknown, so the next import compares that row in full instead of trusting a stale hash.
CREATE FUNCTION station_content_hash_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.content_hash := NULL;
    RETURN NEW;
END
$$;

CREATE TRIGGER station_content_hash_reset
    BEFORE UPDATE ON station
    FOR EACH ROW
    WHEN (NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
          AND (NEW.kind, NEW.name, NEW.address, NEW.district, NEW.location, NEW.amenities, NEW.opening_hours,
               NEW.truck_parking_spaces, NEW.max_vehicle_length_m, NEW.hazmat_allowed, NEW.phone, NEW.host)
              IS DISTINCT FROM
              (OLD.kind, OLD.name, OLD.address, OLD.district, OLD.location, OLD.amenities, OLD.opening_hours,
               OLD.truck_parking_spaces, OLD.max_vehicle_length_m, OLD.hazmat_allowed, OLD.phone, OLD.host))
    EXECUTE FUNCTION station_content_hash_reset();
