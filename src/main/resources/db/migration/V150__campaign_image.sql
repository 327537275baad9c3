-- Pictures attached to a campaign draft, sent inside each of its messages (multipart/related, shown through cid:
-- addresses), so that opening the mail fetches nothing. They are the company's content like the campaign's body, not
-- personal data: kept in the clear, in the database with the campaign, and deleted with it.
CREATE TABLE campaign_image (
    campaign_id UUID        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    media_type  TEXT        NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    size        INTEGER     NOT NULL,
    bytes       BYTEA       NOT NULL,
    uploaded_by TEXT        NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (campaign_id, name)
);
