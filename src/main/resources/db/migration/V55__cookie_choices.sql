-- The cookie banner's pseudonyms: a browser keeps a random token, Steward keeps only its SHA-256 and the subject (one
-- of its own, with no identifier) under which that browser's choices are recorded in the consent ledger. Erasing the
-- subject deletes the row, so the token then leads nowhere.
CREATE TABLE cookie_visitor (
    token_sha256 bytea PRIMARY KEY,
    site text NOT NULL,
    subject uuid NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX cookie_visitor_subject ON cookie_visitor (subject);

-- Every choice made in a cookie banner: what the staff counts per choice and banner version come from, and what the
-- visitor's receipt page lists. The evidence itself is the consent ledger's events, named in 'events' (one per category,
-- in the order of 'categories'); this row holds nothing that names the visitor.
CREATE TABLE cookie_choice (
    id uuid PRIMARY KEY,
    site text NOT NULL,
    jurisdiction text NOT NULL,
    language text NOT NULL,
    notice_version text NOT NULL,
    wording_sha256 text NOT NULL,
    choice text NOT NULL CHECK (choice IN ('accept-all', 'reject-all', 'custom', 'do-not-sell')),
    granted text[] NOT NULL,
    refused text[] NOT NULL,
    gpc boolean NOT NULL,
    signed_in boolean NOT NULL,
    categories text[] NOT NULL,
    events uuid[] NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX cookie_choice_counts ON cookie_choice (site, notice_version, wording_sha256, choice);
CREATE TRIGGER cookie_choice_append_only BEFORE UPDATE OR DELETE ON cookie_choice
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
