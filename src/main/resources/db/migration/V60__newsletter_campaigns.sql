-- Campaigns: a message composed by staff for one list of a site (a direct-marketing purpose with double opt-in) or,
-- as operational mail, for everyone whose data an operational purpose's activities hold. The content is the
-- company's own words, not personal data. links: the body's http(s) links in order, the only places the click
-- redirect may lead to. The counters are anonymous figures that outlive the messages they count.
CREATE TABLE campaign (
    id            UUID PRIMARY KEY,
    site          TEXT        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('marketing', 'operational')),
    purpose       TEXT        NOT NULL,
    subject_line  TEXT        NOT NULL,
    body          TEXT        NOT NULL,
    links         TEXT[]      NOT NULL DEFAULT '{}',
    status        TEXT        NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'paused', 'cancelled', 'sent')),
    scheduled_at  TIMESTAMPTZ,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    recipients    INT         NOT NULL DEFAULT 0,
    complaints    INT         NOT NULL DEFAULT 0,
    unsubscribed  INT         NOT NULL DEFAULT 0
);
CREATE INDEX campaign_due ON campaign (scheduled_at) WHERE status = 'scheduled';
CREATE INDEX campaign_site ON campaign (site, created_at DESC);

-- One message of a campaign per person: the blind index of their e-mail address (several subjects may carry it) and
-- the subject it was found under. No address, name or content: the address is decrypted from the vault when the
-- message goes, and the message is rendered then. Its id is the Message-ID's local part and the outbound item.
-- status: queued, held (a restriction keeps operational mail back), paused, sent, failed, skipped (the person may not
-- receive it: reason says why), cancelled. Erasing the person cuts the row's link to them and keeps it as a count.
CREATE TABLE campaign_message (
    id           UUID PRIMARY KEY,
    campaign_id  UUID        NOT NULL REFERENCES campaign (id),
    email_index  BYTEA       NOT NULL,
    subject_id   UUID        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('queued', 'held', 'paused', 'sent', 'failed', 'skipped', 'cancelled')),
    reason       TEXT,
    tracked      BOOLEAN     NOT NULL DEFAULT FALSE,
    bounced      BOOLEAN     NOT NULL DEFAULT FALSE,
    attempts     INT         NOT NULL DEFAULT 0,
    sent_at      TIMESTAMPTZ,
    UNIQUE (campaign_id, email_index)
);
CREATE INDEX campaign_message_status ON campaign_message (campaign_id, status);
CREATE INDEX campaign_message_subject ON campaign_message (subject_id);
CREATE INDEX campaign_message_email ON campaign_message (email_index);
