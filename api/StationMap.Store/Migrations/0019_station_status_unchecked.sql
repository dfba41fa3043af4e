-- A station's status row is not checked by a foreign key either (0018 dropped the one of checkin). The check ran for
-- every status row written for the first time: a query that locks the station's row (FOR KEY SHARE), which writes the
-- station's page, and the first write of a page after a checkpoint logs the whole page. In `scripts/bench.sh checkins`
-- (statuses starting empty, as on the day check-ins open) pg_stat_statements counted 9,875 full-page images in 12,647
-- status writes, 6.6 kB of WAL a write. Statuses are written only by the check-in writer, for a station the API found
-- before storing the check-in, and stations are retired, never deleted, so the rows cannot point nowhere.
ALTER TABLE station_status DROP CONSTRAINT IF EXISTS station_status_station_id_fkey;
