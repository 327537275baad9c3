-- Each wrong verification code of a rights request, by the blind index of the address the request named (never the
-- address itself), so that wrong codes count per address across its requests: a new request for the same address no
-- longer brings five fresh guesses. Rows are only needed within the window (steward.rights.wrong-codes.window);
-- the rights purge deletes older ones.
CREATE TABLE rights_wrong_code (
    email_index BYTEA       NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX rights_wrong_code_email ON rights_wrong_code (email_index, entered_at);
