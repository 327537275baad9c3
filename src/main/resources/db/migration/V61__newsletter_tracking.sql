-- Pseudonymous newsletter tracking (seed 001 §3.4). A subscription (a person's address on one list of a site) gets a
-- random pseudonym when a message that may be tracked goes out; pixel and click URLs carry only the campaign and the
-- pseudonym. This table is the only link from a pseudonym to a person (the blind index of the address). Unsubscribing,
-- withdrawing the consent to tracking or erasure deletes the link and turns the pseudonym's events into anonymous
-- counts.
CREATE TABLE tracking_pseudonym (
    pseudonym   BYTEA PRIMARY KEY,
    email_index BYTEA       NOT NULL,
    site        TEXT        NOT NULL,
    list        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (email_index, site, list)
);

-- Opens and clicks while the subscription lasts, by pseudonym only. link_no is the position of the link in the
-- campaign's links (a click), NULL for an open.
CREATE TABLE tracking_event (
    campaign_id UUID        NOT NULL REFERENCES campaign (id),
    pseudonym   BYTEA       NOT NULL,
    link_no     INT,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracking_event_pseudonym ON tracking_event (pseudonym);
CREATE INDEX tracking_event_campaign ON tracking_event (campaign_id);

-- What is left of a pseudonym's events once its link to a person is gone: counts per campaign and link (-1 counts
-- opens), with how many people they came from, and no time, pseudonym or person.
CREATE TABLE tracking_tally (
    campaign_id UUID   NOT NULL REFERENCES campaign (id),
    link_no     INT    NOT NULL,
    events      BIGINT NOT NULL,
    people      BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, link_no)
);
