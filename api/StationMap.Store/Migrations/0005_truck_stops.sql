-- Truck suitability of stations, as the truck filters read it: a station takes trucks when it has truck parking
-- spaces (NULL or 0: none), fits a vehicle when its longest bay is at least the vehicle's length, and takes
-- hazardous goods only when it says so. "Unknown" hazmat reads as "not allowed": a driver carrying hazardous goods
-- must never be sent to a stop that has not agreed to it.
UPDATE station SET hazmat_allowed = false WHERE hazmat_allowed IS NULL;
ALTER TABLE station
    ALTER COLUMN hazmat_allowed SET DEFAULT false,
    ALTER COLUMN hazmat_allowed SET NOT NULL,
    ADD CONSTRAINT station_truck_parking_spaces_range CHECK (truck_parking_spaces BETWEEN 0 AND 100000);

-- Truck stops near a point or along a route: a partial index keeps the candidate scan to the few stations that take
-- trucks, whatever the number of warm stations around them.
CREATE INDEX station_truck_geog_live_gix ON station USING gist ((location::geography))
    WHERE retired_at IS NULL AND truck_parking_spaces > 0;

-- Checkpoints are listed and searched around on the spheroid like stations.
CREATE INDEX checkpoint_geog_gix ON checkpoint USING gist ((location::geography));
