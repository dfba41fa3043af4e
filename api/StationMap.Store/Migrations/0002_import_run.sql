-- One row per import attempt: what was read, what it did to the store, and the row-level report.
CREATE TABLE import_run (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text NOT NULL CHECK (length(btrim(source)) > 0),
    file_name    text,
    file_sha256  text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    format       text NOT NULL,
    crs          text NOT NULL,
    mode         text NOT NULL CHECK (mode IN ('full', 'incremental')),
    -- succeeded: every row accepted and committed; partial: some rows rejected, the rest committed;
    -- dry_run: nothing committed by request; rejected: --strict refused a file with rejected rows;
    -- invalid_input: the file or arguments were unusable; failed: a database failure, nothing committed.
    status       text NOT NULL CHECK (status IN ('succeeded', 'partial', 'dry_run', 'rejected', 'invalid_input', 'failed')),
    rows_read    bigint NOT NULL DEFAULT 0,
    inserted     bigint NOT NULL DEFAULT 0,
    updated      bigint NOT NULL DEFAULT 0,
    unchanged    bigint NOT NULL DEFAULT 0,
    rejected     bigint NOT NULL DEFAULT 0,
    retired      bigint NOT NULL DEFAULT 0,
    warnings     bigint NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    duration_ms  bigint GENERATED ALWAYS AS ((extract(epoch FROM finished_at - started_at) * 1000)::bigint) STORED,
    error        text,
    report       jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX import_run_source_started_idx ON import_run (source, started_at DESC);
CREATE INDEX import_run_started_idx ON import_run (started_at DESC);
