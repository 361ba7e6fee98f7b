-- Counts and facets read a narrow copy of program_read (README "Read model"): one row per program
-- with only what a filter or a facet reads, fixed-width first, and the four enum arrays
-- (audiences, competencies, delivery modes, proctoring) as bit sets. A broad count or facet scans
-- every row of the filtered set; program_read's rows (~650 bytes: names, slugs, arrays of text)
-- made that scan three times the pages, and grouping by text arrays cost more than the scan. Pages
-- still read program_read, by index and for the first rows only.
--
-- Derived from program_read alone, by statement-level triggers on it (as program_summary, V4):
-- whatever writes program_read keeps these rows in step in the same transaction.

-- The values of each bit set, bit i (from 0) being element i + 1. Append-only: a stored row's bits
-- mean what this list said when it was written, so a new enum constant goes at the end (a new
-- migration replaces the function) and no constant is ever removed or moved. The constants are
-- the Java enums' (ReadModelTallyTest checks both hold the same set).
CREATE FUNCTION rm_vocabulary(kind text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE kind
        WHEN 'audience' THEN ARRAY['FRONTLINE_AGENT', 'SERVICE_DESK_ANALYST', 'TEAM_LEAD', 'SUPERVISOR',
            'MANAGER', 'TRAINER', 'CX_LEADER', 'CX_STRATEGIST', 'QUALITY_ANALYST', 'WORKFORCE_ANALYST',
            'OPERATIONS', 'SECURITY_PROFESSIONAL']
        WHEN 'competency' THEN ARRAY['COMMUNICATION', 'EMOTIONAL_INTELLIGENCE', 'CRM_TICKETING',
            'PERFORMANCE_METRICS', 'PROBLEM_SOLVING', 'MULTICHANNEL', 'COMPLIANCE_DATA_PROTECTION',
            'COACHING_LEADERSHIP', 'CX_STRATEGY', 'SERVICE_DESK', 'QUALITY_MONITORING',
            'WORKFORCE_MANAGEMENT', 'CONVERSATIONAL_AI']
        WHEN 'delivery' THEN ARRAY['SELF_PACED_ONLINE', 'LIVE_ONLINE', 'IN_PERSON', 'BLENDED']
        WHEN 'proctoring' THEN ARRAY['REMOTE', 'TEST_CENTER']
    END
$$;

-- The bit set of some values (values outside the vocabulary set no bit: they match nothing, as
-- they would in a text array).
CREATE FUNCTION rm_bits(vals text[], kind text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(bit_or(1 << (array_position(rm_vocabulary(kind), v) - 1)), 0)
    FROM unnest(vals) v WHERE array_position(rm_vocabulary(kind), v) IS NOT NULL
$$;

-- The values of a bit set, in vocabulary order: what a facet shows.
CREATE FUNCTION rm_values(bits integer, kind text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(v ORDER BY i), '{}')
    FROM unnest(rm_vocabulary(kind)) WITH ORDINALITY AS t (v, i) WHERE bits & (1 << (i::int - 1)) <> 0
$$;

CREATE TABLE program_tally (
    program_id          bigint  PRIMARY KEY REFERENCES program (id) ON DELETE CASCADE,
    provider_id         bigint,
    recognition_signals bigint  NOT NULL,
    cost_valid_from     date    NOT NULL,
    cost_valid_to       date    NOT NULL,
    any_initial_min_cents        bigint,
    any_initial_max_cents        bigint,
    member_initial_min_cents     bigint,
    member_initial_max_cents     bigint,
    non_member_initial_min_cents bigint,
    non_member_initial_max_cents bigint,
    exam_minutes        integer,
    experience_months   integer,
    renewal_cycle_min   integer,
    renewal_cycle_max   integer,
    renewal_credits_min integer,
    audience_bits       integer NOT NULL,
    competency_bits     integer NOT NULL,
    delivery_bits       integer NOT NULL,
    proctoring_bits     integer NOT NULL,
    -- Short texts after the fixed-width columns, arrays last: a scan that stops at the cost bounds
    -- never walks them.
    status              text    NOT NULL,
    cost_currency       text    NOT NULL,
    credential_type     text    NOT NULL,
    level               text,
    languages           text[]  NOT NULL,
    recognition_regions text[]  NOT NULL,
    cost_currencies     text[]  NOT NULL
);
-- A provider's count (the everyday list's total) reads its own rows only.
CREATE INDEX program_tally_provider_idx ON program_tally (provider_id);

-- A program's tally row, from its read row. A set-returning SQL function, so the planner inlines it
-- into the INSERTs below.
CREATE FUNCTION rm_tally(a program_read) RETURNS SETOF program_tally LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT a.program_id, a.provider_id, a.recognition_signals, a.cost_valid_from, a.cost_valid_to,
           a.any_initial_min_cents, a.any_initial_max_cents, a.member_initial_min_cents,
           a.member_initial_max_cents, a.non_member_initial_min_cents, a.non_member_initial_max_cents,
           a.exam_minutes, a.experience_months, a.renewal_cycle_min, a.renewal_cycle_max,
           a.renewal_credits_min, rm_bits(a.audience_roles, 'audience'),
           rm_bits(a.competencies, 'competency'), rm_bits(a.delivery_modes, 'delivery'),
           rm_bits(a.proctoring, 'proctoring'), a.status, a.cost_currency, a.credential_type, a.level,
           a.languages, a.recognition_regions, a.cost_currencies
$$;

-- program_read's rows are only ever inserted and deleted (a refresh deletes and re-derives).
CREATE FUNCTION read_model_tally_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO program_tally SELECT t.* FROM added a CROSS JOIN LATERAL rm_tally(a) t;
    RETURN NULL;
END $$;

CREATE FUNCTION read_model_tally_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM program_tally t USING removed r WHERE t.program_id = r.program_id;
    RETURN NULL;
END $$;

CREATE TRIGGER program_read_tally_insert AFTER INSERT ON program_read
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION read_model_tally_on_insert();
CREATE TRIGGER program_read_tally_delete AFTER DELETE ON program_read
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION read_model_tally_on_delete();

INSERT INTO program_tally SELECT t.* FROM program_read r CROSS JOIN LATERAL rm_tally(r) t;

-- A rebuild also drops the rows of programs deleted with triggers off. Deleting in replica mode
-- (session_replication_role = replica: bulk loads, the benchmark generator's wipe) skips the
-- foreign keys' ON DELETE CASCADE as well as our triggers, so the read rows of such programs
-- stayed behind, and lists went on showing programs that no longer existed.
CREATE FUNCTION read_model_drop_orphans() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    DELETE FROM program_cost c WHERE NOT EXISTS (SELECT 1 FROM program p WHERE p.id = c.program_id);
    DELETE FROM program_document d WHERE NOT EXISTS (SELECT 1 FROM program p WHERE p.id = d.program_id);
    DELETE FROM program_read r WHERE NOT EXISTS (SELECT 1 FROM program p WHERE p.id = r.program_id);
    GET DIAGNOSTICS n = ROW_COUNT;
    -- Rows whose read row went in replica mode too (its triggers did not run either).
    DELETE FROM program_summary s WHERE NOT EXISTS (SELECT 1 FROM program p WHERE p.id = s.program_id);
    DELETE FROM program_tally t WHERE NOT EXISTS (SELECT 1 FROM program p WHERE p.id = t.program_id);
    RETURN n;
END $$;

CREATE OR REPLACE FUNCTION read_model_rebuild() RETURNS bigint LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM read_model_drop_orphans();
    SELECT read_model_refresh_range(min(id), max(id)) INTO n FROM program;
    ANALYZE program_cost;
    ANALYZE program_read;
    ANALYZE program_document;
    ANALYZE program_tally;
    RETURN coalesce(n, 0);
END $$;
