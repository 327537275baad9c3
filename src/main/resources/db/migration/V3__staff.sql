-- Staff of the privacy office. Passwords are stored only as hashes. A staff member with no sites may act on
-- every site; otherwise only on the sites listed.
CREATE TABLE staff_user (
    username        TEXT PRIMARY KEY,
    password_hash   TEXT        NOT NULL,
    roles           TEXT[]      NOT NULL,
    sites           TEXT[]      NOT NULL DEFAULT '{}',
    failed_attempts INT         NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);
