-- People who had their data erased and must not come back through an import or a campaign: only the blind index of
-- their identifiers is kept, which reveals nothing without the blind-index key.
CREATE TABLE suppressed_identifier (
    blind_index BYTEA PRIMARY KEY,
    kind        TEXT        NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL
);
