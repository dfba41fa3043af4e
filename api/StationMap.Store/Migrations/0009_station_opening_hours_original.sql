-- The hours as the source wrote them, when the importer rewrote them into opening_hours syntax (工作日 9:00-17:00 is
-- stored as "Mo-Fr 09:00-17:00; PH off"): a reader can check the reading against what the list said. NULL when the
-- stored opening_hours is the source's own text.
ALTER TABLE station ADD COLUMN opening_hours_original text;

-- A write by anything but the import merge that changes the original text makes the content hash unknown too.
DROP TRIGGER station_content_hash_reset ON station;
CREATE TRIGGER station_content_hash_reset
    BEFORE UPDATE ON station
    FOR EACH ROW
    WHEN (NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
          AND (NEW.kind, NEW.name, NEW.address, NEW.district, NEW.location, NEW.amenities, NEW.opening_hours,
               NEW.opening_hours_original, NEW.truck_parking_spaces, NEW.max_vehicle_length_m, NEW.hazmat_allowed,
               NEW.phone, NEW.host)
              IS DISTINCT FROM
              (OLD.kind, OLD.name, OLD.address, OLD.district, OLD.location, OLD.amenities, OLD.opening_hours,
               OLD.opening_hours_original, OLD.truck_parking_spaces, OLD.max_vehicle_length_m, OLD.hazmat_allowed,
               OLD.phone, OLD.host))
    EXECUTE FUNCTION station_content_hash_reset();
