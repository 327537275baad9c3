-- A material change of a site's notice and whom it was told to (seed 001 §6, seed 002). The change row is written in
-- the transaction that publishes the version, so no published change can be forgotten; nodes then find the people it
-- concerns and queue one operational mail each. A recipient row is written in the transaction that queues that
-- person's mail, and its key makes a second node, or a restart after a crash, skip whoever was told already.
CREATE TABLE notice_change (
    id           BIGSERIAL PRIMARY KEY,
    site         TEXT        NOT NULL,
    from_version TEXT        NOT NULL,
    to_version   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    UNIQUE (site, to_version)
);
CREATE INDEX notice_change_open ON notice_change (id) WHERE completed_at IS NULL;

-- Nothing personal in clear text: the subject's id, the id of the queued mail, and where consent is asked again
-- the SHA-256 of the link's token (never the token) and the consents asked (activity/purpose, catalog keys).
CREATE TABLE notice_change_recipient (
    change_id          BIGINT      NOT NULL REFERENCES notice_change (id),
    subject_id         UUID        NOT NULL,
    jurisdiction       TEXT        NOT NULL,
    mail_id            UUID,
    reconsents TEXT[]      NOT NULL DEFAULT '{}',
    token_hash         TEXT UNIQUE,
    token_expires_at   TIMESTAMPTZ,
    reconsented_at     TIMESTAMPTZ,
    told_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (change_id, subject_id),
    CHECK ((token_hash IS NULL) = (cardinality(reconsents) = 0))
);
CREATE INDEX notice_change_recipient_subject ON notice_change_recipient (subject_id);
