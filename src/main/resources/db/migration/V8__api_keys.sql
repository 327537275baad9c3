-- Keys for integrators (and staff scripts). Only a SHA-256 of the secret part is stored; the whole key is shown
-- once, when created. An integrator key acts only on the sites it is scoped to.
CREATE TABLE api_key (
    id            UUID PRIMARY KEY,
    prefix        TEXT        NOT NULL UNIQUE,
    secret_sha256 BYTEA       NOT NULL,
    name          TEXT        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('integrator', 'staff')),
    roles         TEXT[]      NOT NULL DEFAULT '{}',
    sites         TEXT[]      NOT NULL DEFAULT '{}',
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ
);
