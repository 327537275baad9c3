-- Evidence tables are append-only: this trigger function refuses any UPDATE or DELETE, so that not even a
-- bug or a careless administrator with SQL access to the application role can rewrite history quietly.
CREATE FUNCTION steward_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

-- A published privacy notice: immutable once written. The facts are everything the notice says, per region,
-- plus the region-independent summary that diffs compare; content_hash is SHA-256 over the facts.
CREATE TABLE notice_version (
    id            BIGSERIAL PRIMARY KEY,
    site          TEXT        NOT NULL,
    version       TEXT        NOT NULL,
    effective     DATE        NOT NULL,
    last_modified DATE,
    significance  TEXT        NOT NULL CHECK (significance IN ('material', 'editorial')),
    published_at  TIMESTAMPTZ NOT NULL,
    content_hash  TEXT        NOT NULL,
    facts         JSONB       NOT NULL,
    UNIQUE (site, version)
);

-- The pages exactly as they were published, so that an old version reads the same after the catalog changed.
CREATE TABLE notice_rendition (
    version_id BIGINT NOT NULL REFERENCES notice_version (id),
    region     TEXT   NOT NULL,
    page       TEXT   NOT NULL CHECK (page IN ('privacy', 'cookies')),
    html       TEXT   NOT NULL,
    PRIMARY KEY (version_id, region, page)
);

CREATE TRIGGER notice_version_append_only BEFORE UPDATE OR DELETE ON notice_version
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
CREATE TRIGGER notice_rendition_append_only BEFORE UPDATE OR DELETE ON notice_rendition
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
