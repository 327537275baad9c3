-- What an erasure request did, kept beside the request and outside the vault, so that the requester's status page can
-- still say it after their key is destroyed. Only numbers, catalog keys and days: no value, address, record id or
-- free text (a legal hold's reference stays in the sealed history); the request's id is all that ties it to anyone.
CREATE TABLE erasure_outcome (
    request_id UUID PRIMARY KEY REFERENCES rights_request (id),
    erased_at  TIMESTAMPTZ NOT NULL,
    everything BOOLEAN     NOT NULL,
    recipients TEXT[]      NOT NULL
);

-- Per processing activity, how many records were erased (kept_by NULL) or kept, why and until when.
CREATE TABLE erasure_outcome_line (
    request_id UUID        NOT NULL REFERENCES erasure_outcome (request_id),
    position   INT         NOT NULL,
    activity   TEXT        NOT NULL,
    records    INT         NOT NULL CHECK (records > 0),
    kept_by    TEXT CHECK (kept_by IN ('legal-hold', 'statutory-minimum')),
    kept_for   TEXT,
    kept_until TIMESTAMPTZ,
    PRIMARY KEY (request_id, position),
    CHECK ((kept_by IS NULL) = (kept_until IS NULL))
);
