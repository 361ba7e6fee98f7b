-- Signed webhooks (README "Webhooks"): subscriptions, their delivery log, and the provider each
-- change event concerns, so a provider editor's subscription can be matched without asking the
-- write side. The change feed stays the outbox; nothing here is written by the catalog's writes
-- except the provider column, which a trigger fills.

-- The provider an event concerns: the provider itself, or the program's provider. Kept on the event
-- because a deleted program's provider can no longer be looked up when the event is matched.
ALTER TABLE change_event ADD COLUMN provider_slug text;
CREATE INDEX change_event_slug_idx ON change_event (slug, seq DESC);

CREATE FUNCTION change_event_provider() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.provider_slug IS NOT NULL OR NEW.entity_type = 'read-model' THEN
        RETURN NEW;
    END IF;
    IF NEW.entity_type = 'provider' THEN
        NEW.provider_slug := NEW.slug;
        RETURN NEW;
    END IF;
    SELECT pv.slug INTO NEW.provider_slug
      FROM program p LEFT JOIN provider pv ON pv.id = p.provider_id
     WHERE p.slug = NEW.slug;
    IF NOT FOUND THEN
        -- The program is gone (its DELETE event is appended after the row is removed): the
        -- provider it had when it was last written.
        SELECT e.provider_slug INTO NEW.provider_slug
          FROM change_event e
         WHERE e.slug = NEW.slug AND e.entity_type NOT IN ('provider', 'read-model')
           AND e.provider_slug IS NOT NULL
         ORDER BY e.seq DESC LIMIT 1;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER change_event_provider BEFORE INSERT ON change_event
    FOR EACH ROW EXECUTE FUNCTION change_event_provider();

UPDATE change_event e SET provider_slug = e.slug WHERE e.entity_type = 'provider';
UPDATE change_event e SET provider_slug = pv.slug
  FROM program p JOIN provider pv ON pv.id = p.provider_id
 WHERE e.entity_type NOT IN ('provider', 'read-model') AND p.slug = e.slug;

CREATE TABLE webhook_subscription (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Who created it and what that token could see: matching never shows more than this.
    owner_subject   text        NOT NULL,
    owner_role      text        NOT NULL,
    owner_providers text[]      NOT NULL DEFAULT '{}',
    target_url      text        NOT NULL,
    -- "whsec_" + base64 of the HMAC key; needed in clear to sign, shown to the client once.
    secret          text        NOT NULL,
    description     text,
    -- Filters; an empty array matches everything.
    entity_types    text[]      NOT NULL DEFAULT '{}',
    provider_slugs  text[]      NOT NULL DEFAULT '{}',
    program_slugs   text[]      NOT NULL DEFAULT '{}',
    operations      text[]      NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'ACTIVE',
    disabled_reason text,
    -- The last feed sequence this subscription is done with (delivered or not matching).
    cursor_seq      bigint      NOT NULL,
    -- Dispatcher state: not before this time (a retry's backoff), and which replica holds it.
    next_attempt_at timestamptz,
    last_run_at     timestamptz,
    lease_owner     text,
    lease_until     timestamptz,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhook_subscription_role_valid
        CHECK (owner_role IN ('catalog-admin', 'provider-editor', 'recognition-writer')),
    CONSTRAINT webhook_subscription_status_valid CHECK (status IN ('ACTIVE', 'PAUSED', 'DISABLED')),
    CONSTRAINT webhook_subscription_reason_when_disabled
        CHECK ((status = 'DISABLED') = (disabled_reason IS NOT NULL)),
    CONSTRAINT webhook_subscription_cursor_valid CHECK (cursor_seq >= 0)
);
CREATE INDEX webhook_subscription_due_idx ON webhook_subscription (last_run_at NULLS FIRST)
    WHERE status = 'ACTIVE';
CREATE INDEX webhook_subscription_owner_idx ON webhook_subscription (owner_subject, id);

CREATE TABLE webhook_delivery (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id    bigint      NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_seq          bigint      NOT NULL REFERENCES change_event (seq),
    -- webhook-id: the same for every attempt, redelivery and replay of this event to this
    -- subscription, so receivers can drop duplicates.
    message_id         text        NOT NULL,
    -- FEED moves the subscription's cursor when it succeeds; REDELIVERY (asked for) does not.
    kind               text        NOT NULL,
    status             text        NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    first_attempt_at   timestamptz,
    last_attempt_at    timestamptz,
    last_response_code integer,
    last_duration_ms   integer,
    last_error         text,
    next_attempt_at    timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhook_delivery_kind_valid CHECK (kind IN ('FEED', 'REDELIVERY')),
    CONSTRAINT webhook_delivery_status_valid
        CHECK (status IN ('PENDING', 'SUCCEEDED', 'CANCELLED'))
);
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, id DESC);
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (subscription_id, id)
    WHERE status = 'PENDING';
