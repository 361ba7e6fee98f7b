-- List items prebuilt (README "Read model"): a REST list item is the program's summary as JSON,
-- with three members that depend on the request (initialCost, costOfOwnership and currency: the
-- filter's currency, audience and horizon). Everything else is the same for every request, so it
-- is kept here as two pieces of JSON text around those three members, and a page is written by
-- joining the pieces of its 20 rows with the figures its own statement computes, instead of
-- decoding some thirty columns per row and serializing each value again.
--
-- Derived from program_read alone, by statement-level triggers on it: whatever writes program_read
-- (every refresh, the rebuild) keeps these rows in step in the same transaction, and the functions
-- that write program_read need no change. A separate table keeps program_read's rows narrow for
-- the scans behind counts and facets; a page reads the pieces of its own rows only, by key.
CREATE TABLE program_summary (
    program_id bigint PRIMARY KEY REFERENCES program (id) ON DELETE CASCADE,
    head       text NOT NULL,   -- '{"slug" : …, "status" : "…"': the members before the cost figures
    tail       text NOT NULL    -- '"examMinutes" : …, "updatedAt" : "…"}': the members after them
);

-- The pieces of one row, in the order and with the names of the API's ProgramSummary.
CREATE FUNCTION rm_summary_head(r program_read) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT left(j, length(j) - 1) FROM (SELECT json_build_object(
        'slug', r.slug,
        'name', r.name,
        'acronym', r.acronym,
        'provider', CASE WHEN r.provider_slug IS NULL THEN NULL ELSE json_build_object(
            'slug', r.provider_slug, 'name', r.provider_name, 'acronym', r.provider_acronym,
            'kind', r.provider_kind) END,
        'credentialType', r.credential_type,
        'level', r.level,
        'audienceRoles', to_json(r.audience_roles),
        'competencies', to_json(r.competencies),
        'deliveryModes', to_json(r.delivery_modes),
        'languages', to_json(r.languages),
        'status', r.status)::text AS j) x
$$;

CREATE FUNCTION rm_summary_tail(r program_read) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT substr(j, 2) FROM (SELECT json_build_object(
        'examMinutes', r.exam_minutes,
        'experienceMonths', r.experience_months,
        'renewalCycleYears', rm_range(r.renewal_cycle_min, r.renewal_cycle_max),
        'recognition', json_build_object(
            'signals', r.recognition_signals,
            'regions', to_json(r.recognition_regions),
            'kinds', to_json(r.recognition_kinds),
            'postingShare', r.posting_share,
            'latestPeriodEnd', r.latest_period_end),
        'updatedAt', rm_instant(r.updated_at))::text AS j) x
$$;

-- program_read's rows are only ever inserted and deleted (a refresh deletes and re-derives).
CREATE FUNCTION read_model_summary_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO program_summary (program_id, head, tail)
    SELECT a.program_id, rm_summary_head(a), rm_summary_tail(a) FROM added a
    ON CONFLICT (program_id) DO UPDATE SET head = excluded.head, tail = excluded.tail;
    RETURN NULL;
END $$;

CREATE FUNCTION read_model_summary_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM program_summary s USING removed r WHERE s.program_id = r.program_id;
    RETURN NULL;
END $$;

CREATE TRIGGER program_read_summary_insert AFTER INSERT ON program_read
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION read_model_summary_on_insert();
CREATE TRIGGER program_read_summary_delete AFTER DELETE ON program_read
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION read_model_summary_on_delete();

INSERT INTO program_summary (program_id, head, tail)
SELECT r.program_id, rm_summary_head(r), rm_summary_tail(r) FROM program_read r;
