-- What the refresh job last saw of each feed, so an unchanged feed is not imported again:
-- HTTP validators (ETag, Last-Modified) and the checksum of the last successfully imported file.
CREATE TABLE source_state (
    source            text PRIMARY KEY,
    etag              text,
    last_modified     text,
    last_checksum     text,
    last_success_at   timestamptz,
    last_failure_at   timestamptz,
    last_failure      text,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
