-- Trusted GraphQL documents managed at run time (README "Persisted GraphQL queries",
-- /api/v1/admin/trusted-documents), beside those loaded from the trusted-documents directory.
--
-- id: a stable registration order, so the admin list pages by keyset (the one cursor codec seals a
-- row id); the primary key stays the hash. trusted_via / trusted_by / trusted_at: how, by whom and
-- when a row became trusted, so an operator can tell a document the directory brings back at every
-- start-up from one an administrator added. The table is small (bounded by
-- catalog.graphql.persisted-queries.max-entries plus the trusted ones): the rewrite is quick.
ALTER TABLE persisted_query ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE persisted_query ADD CONSTRAINT persisted_query_id_unique UNIQUE (id);
ALTER TABLE persisted_query ADD COLUMN trusted_via text;
ALTER TABLE persisted_query ADD COLUMN trusted_by text;
ALTER TABLE persisted_query ADD COLUMN trusted_at timestamptz;

-- Rows trusted before V16 came from the directory.
UPDATE persisted_query SET trusted_via = 'directory', trusted_at = registered_at
    WHERE origin = 'trusted';

ALTER TABLE persisted_query ADD CONSTRAINT persisted_query_trusted_via_valid
    CHECK (trusted_via IN ('directory', 'admin'));
ALTER TABLE persisted_query ADD CONSTRAINT persisted_query_trusted_fields
    CHECK ((origin = 'trusted') = (trusted_via IS NOT NULL AND trusted_at IS NOT NULL));

-- The admin list: trusted rows in registration order.
CREATE INDEX persisted_query_trusted_by_id ON persisted_query (id) WHERE origin = 'trusted';
