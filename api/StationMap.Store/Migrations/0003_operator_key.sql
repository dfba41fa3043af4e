-- API keys of operators and planners. Only a SHA-256 hash of each key is stored: keys are 256-bit random
-- values, so a fast hash is enough and a leaked table does not leak usable keys.
CREATE TABLE operator_key (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL CHECK (length(btrim(name)) > 0),
    role       text NOT NULL CHECK (role IN ('operator', 'planner')),
    key_hash   bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    -- The first characters of the key, so an operator can tell keys apart without the secret.
    key_prefix text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
