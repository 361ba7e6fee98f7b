-- GraphQL documents registered for persisted queries (README "Persisted GraphQL queries"), by the
-- SHA-256 of their exact text. In a table rather than per replica: a document one replica
-- registered runs by hash on every replica, and survives restarts. Rows are never updated (a hash
-- names one text); the service bounds how many clients may add (catalog.graphql.persisted-queries).
CREATE TABLE persisted_query (
    sha256        char(64)    PRIMARY KEY,
    document      text        NOT NULL,
    -- client: registered by the automatic persisted queries protocol; trusted: loaded from the
    -- trusted-documents directory at start-up (counted apart from the clients' bound).
    origin        text        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT persisted_query_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT persisted_query_origin_valid CHECK (origin IN ('client', 'trusted'))
);
