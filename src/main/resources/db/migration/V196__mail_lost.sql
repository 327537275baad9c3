-- A notice-change mail tells every subject of its address at once but is sealed under one subject's key, so erasing
-- that subject before the mail left deletes it with the rest of their data (README, Notice changes). The erasure's
-- statements keep, for such a message that was still waiting (queued or held), its id, category and the erasure's
-- instant: nothing of its content, address or subject. The notice-change mailing reads them at its next look, tells
-- the address's other subjects again, and then deletes them.
CREATE TABLE mail_lost (
    id       UUID PRIMARY KEY,
    category TEXT        NOT NULL,
    lost_at  TIMESTAMPTZ NOT NULL
);
