-- The read model (README "Read model"): data prepared for the questions the catalog answers, so
-- that a page, its counts and facets, or a program's detail is one statement over one or two
-- tables, with no per-child queries and no managed entities. The normalized tables of V1 stay the
-- write model and the truth; everything here is derived from them and rebuilt from them.
--
-- Kept current in the writing transaction by statement-level triggers on every table it derives
-- from (REST, GraphQL, importer and recognition ingest all write through those tables), so no 2xx
-- is ever followed by a stale read. Rows loaded with triggers off (session_replication_role =
-- replica: bulk loads, the benchmark's generator) are derived by read_model_rebuild(), which the
-- service runs at start-up when catalog.read-model.rebuild-on-start=true and on demand.

CREATE INDEX eligibility_condition_route_idx ON eligibility_condition (route_id);

-- JSON of an IntRange / DecimalRange as the API writes it: null when both ends are unknown.
CREATE FUNCTION rm_range(lo numeric, hi numeric) RETURNS json LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN lo IS NULL AND hi IS NULL THEN NULL ELSE json_build_object('min', lo, 'max', hi) END
$$;

-- A timestamp as the API writes it (ISO 8601 in UTC, trailing zero fractions dropped, like Java).
CREATE FUNCTION rm_instant(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '\.?0+$', '') || 'Z'
$$;

-- ---- Cost windows ------------------------------------------------------------------------------
-- The required initial cost and the renewal fee of a program change only on the dates its price
-- rows start or stop being in force. Between two such dates (one window) they are constant, so they
-- are computed once per window, per currency and per audience (ANY = every audience, the range spans
-- them; MEMBER / NON_MEMBER = that audience's rows where a fee type has them, else the rows for
-- anyone), with the rules of CostOfOwnershipCalculator. Any date, today included, falls in exactly one
-- window: the derived figures never go stale as time passes.
-- One row per program, currency and window, a column group per audience: narrow rows, so that a
-- broad price filter scans little.
CREATE TABLE program_cost (
    program_id          bigint NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    currency            text   NOT NULL,
    valid_from          date   NOT NULL,   -- inclusive; -infinity before every known date
    valid_to            date   NOT NULL,   -- exclusive; infinity for the open window
    any_initial_min     numeric(14,2),     -- null: no required initial fee in force
    any_initial_max     numeric(14,2),
    any_renewal_min     numeric(14,2),     -- null: no renewal fee in force
    any_renewal_max     numeric(14,2),
    member_initial_min  numeric(14,2),
    member_initial_max  numeric(14,2),
    member_renewal_min  numeric(14,2),
    member_renewal_max  numeric(14,2),
    non_member_initial_min numeric(14,2),
    non_member_initial_max numeric(14,2),
    non_member_renewal_min numeric(14,2),
    non_member_renewal_max numeric(14,2),
    PRIMARY KEY (program_id, currency, valid_from)
);

CREATE VIEW program_cost_source AS
WITH points AS (
    SELECT DISTINCT program_id, currency, d
    FROM price, LATERAL (VALUES ('-infinity'::date), (valid_from), (valid_to)) v (d)
    WHERE d IS NOT NULL
), windows AS (
    SELECT program_id, currency, d AS valid_from,
           lead(d, 1, 'infinity'::date) OVER (PARTITION BY program_id, currency ORDER BY d) AS valid_to
    FROM points
)
SELECT w.program_id, w.currency, w.valid_from, w.valid_to,
       max(ic.cost_min) FILTER (WHERE a.audience = 'ANY') AS any_initial_min,
       max(ic.cost_max) FILTER (WHERE a.audience = 'ANY') AS any_initial_max,
       max(rf.fee_min) FILTER (WHERE a.audience = 'ANY') AS any_renewal_min,
       max(rf.fee_max) FILTER (WHERE a.audience = 'ANY') AS any_renewal_max,
       max(ic.cost_min) FILTER (WHERE a.audience = 'MEMBER') AS member_initial_min,
       max(ic.cost_max) FILTER (WHERE a.audience = 'MEMBER') AS member_initial_max,
       max(rf.fee_min) FILTER (WHERE a.audience = 'MEMBER') AS member_renewal_min,
       max(rf.fee_max) FILTER (WHERE a.audience = 'MEMBER') AS member_renewal_max,
       max(ic.cost_min) FILTER (WHERE a.audience = 'NON_MEMBER') AS non_member_initial_min,
       max(ic.cost_max) FILTER (WHERE a.audience = 'NON_MEMBER') AS non_member_initial_max,
       max(rf.fee_min) FILTER (WHERE a.audience = 'NON_MEMBER') AS non_member_renewal_min,
       max(rf.fee_max) FILTER (WHERE a.audience = 'NON_MEMBER') AS non_member_renewal_max
FROM windows w
CROSS JOIN (VALUES ('ANY'), ('MEMBER'), ('NON_MEMBER')) a (audience)
CROSS JOIN LATERAL (
    SELECT sum(f.fee_min) AS cost_min, sum(f.fee_max) AS cost_max FROM (
        SELECT min(pr.amount_min) AS fee_min, max(pr.amount_max) AS fee_max
        FROM price pr
        WHERE pr.program_id = w.program_id AND pr.currency = w.currency
          AND pr.required_for_award AND pr.fee_type <> 'RENEWAL'
          AND (pr.valid_from IS NULL OR pr.valid_from <= w.valid_from)
          AND (pr.valid_to IS NULL OR pr.valid_to > w.valid_from)
          AND (a.audience = 'ANY' OR pr.audience = a.audience OR (pr.audience = 'ANY' AND NOT EXISTS (
              SELECT 1 FROM price o
              WHERE o.program_id = pr.program_id AND o.fee_type = pr.fee_type AND o.currency = pr.currency
                AND o.audience = a.audience AND o.required_for_award
                AND (o.valid_from IS NULL OR o.valid_from <= w.valid_from)
                AND (o.valid_to IS NULL OR o.valid_to > w.valid_from))))
        GROUP BY pr.fee_type) f
) ic
CROSS JOIN LATERAL (
    SELECT min(pr.amount_min) AS fee_min, max(pr.amount_max) AS fee_max
    FROM price pr
    WHERE pr.program_id = w.program_id AND pr.currency = w.currency AND pr.fee_type = 'RENEWAL'
      AND (pr.valid_from IS NULL OR pr.valid_from <= w.valid_from)
      AND (pr.valid_to IS NULL OR pr.valid_to > w.valid_from)
      AND (a.audience = 'ANY' OR pr.audience = a.audience OR (pr.audience = 'ANY' AND NOT EXISTS (
          SELECT 1 FROM price o
          WHERE o.program_id = pr.program_id AND o.fee_type = 'RENEWAL' AND o.currency = pr.currency
            AND o.audience = a.audience
            AND (o.valid_from IS NULL OR o.valid_from <= w.valid_from)
            AND (o.valid_to IS NULL OR o.valid_to > w.valid_from))))
) rf
GROUP BY w.program_id, w.currency, w.valid_from, w.valid_to;

-- ---- One row per program ------------------------------------------------------------------------
-- The figures filters, sorts and facets use (same meaning as the REST parameters, README "Finding
-- programs"), the columns of a list item, and the program's detail as the API serves it.
CREATE TABLE program_read (
    -- Fixed-width columns first: a scan finds the filter columns at fixed offsets instead of
    -- walking every text and array before them.
    program_id          bigint PRIMARY KEY REFERENCES program (id) ON DELETE CASCADE,
    version             bigint      NOT NULL,
    recognition_signals bigint      NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- Today's required initial cost, per audience, in cents of cost_currency, copied from
    -- program_cost's window for a program priced in one currency: a price filter then reads this
    -- row alone, no join, which keeps broad counts and facets cheap. Filters use it only while
    -- the window holds the date asked for; otherwise (another currency, several currencies, a
    -- window ended since) they read program_cost, the truth.
    cost_valid_from     date        NOT NULL,
    cost_valid_to       date        NOT NULL,
    any_initial_min_cents        bigint,
    any_initial_max_cents        bigint,
    member_initial_min_cents     bigint,
    member_initial_max_cents     bigint,
    non_member_initial_min_cents bigint,
    non_member_initial_max_cents bigint,
    provider_id         bigint,
    exam_minutes        integer,                -- shortest exam (lower bounds)
    experience_months   integer,                -- easiest route's experience bar; null = unknown
    renewal_cycle_min   integer,
    renewal_cycle_max   integer,
    renewal_credits_min integer,
    posting_rank        float8,                 -- the recognition sort key
    latest_period_end   date,
    cost_currency       text        NOT NULL,   -- '' when none is on the row
    slug                text        NOT NULL,
    name                text        NOT NULL,
    name_key            text        NOT NULL,   -- lower(name): the name sort
    acronym             text,
    provider_slug       text,
    provider_name       text,
    provider_acronym    text,
    provider_kind       text,
    credential_type     text        NOT NULL,
    level               text,
    status              text        NOT NULL,
    audience_roles      text[]      NOT NULL,
    competencies        text[]      NOT NULL,
    delivery_modes      text[]      NOT NULL,
    languages           text[]      NOT NULL,
    proctoring          text[]      NOT NULL,   -- every exam's, distinct
    recognition_regions text[]      NOT NULL,
    recognition_kinds   text[]      NOT NULL,
    posting_share       numeric                 -- summary figure (4 decimals, postings > 0 only)
);
CREATE UNIQUE INDEX program_read_slug_idx ON program_read (slug);
CREATE INDEX program_read_name_idx ON program_read (name_key, program_id);
CREATE INDEX program_read_provider_name_idx ON program_read (provider_slug, name_key, program_id);

-- The documents apart from the figures: scans for counts and facets read narrow rows only.
CREATE TABLE program_document (
    program_id      bigint PRIMARY KEY REFERENCES program (id) ON DELETE CASCADE,
    slug            text NOT NULL,
    detail          json NOT NULL,   -- GET /api/v1/programs/{slug}, as served
    -- Versions of the detail's child rows (GraphQL shows them for expectedVersion):
    -- {"prices": {"<id>": version}, "exams": {"<id>": version}}
    child_versions  json NOT NULL
);
CREATE UNIQUE INDEX program_document_slug_idx ON program_document (slug);

CREATE VIEW program_read_source AS
SELECT p.id AS program_id, p.slug, p.name, lower(p.name) AS name_key, p.acronym,
       pv.id AS provider_id, pv.slug AS provider_slug, pv.name AS provider_name,
       pv.acronym AS provider_acronym, pv.kind AS provider_kind,
       p.credential_type, p.level, p.status,
       p.audience_roles, p.competencies, p.delivery_modes, p.languages,
       ex.proctoring,
       ex.exam_minutes, el.experience_months,
       rp.cycle_years_min AS renewal_cycle_min, rp.cycle_years_max AS renewal_cycle_max,
       rp.credits_min AS renewal_credits_min,
       coalesce(rs.signals, 0) AS recognition_signals, coalesce(rs.regions, '{}') AS recognition_regions,
       coalesce(rs.kinds, '{}') AS recognition_kinds,
       rs.posting_share, rs.posting_rank, rs.latest_period_end,
       -- Without a window on the row, one that never holds: filters then need no NULL logic.
       coalesce(cw.currency, '') AS cost_currency, coalesce(cw.valid_from, 'infinity') AS cost_valid_from,
       coalesce(cw.valid_to, '-infinity') AS cost_valid_to,
       (cw.any_initial_min * 100)::bigint AS any_initial_min_cents,
       (cw.any_initial_max * 100)::bigint AS any_initial_max_cents,
       (cw.member_initial_min * 100)::bigint AS member_initial_min_cents,
       (cw.member_initial_max * 100)::bigint AS member_initial_max_cents,
       (cw.non_member_initial_min * 100)::bigint AS non_member_initial_min_cents,
       (cw.non_member_initial_max * 100)::bigint AS non_member_initial_max_cents,
       p.updated_at, p.version,
       json_build_object(
           'slug', p.slug,
           'name', p.name,
           'acronym', p.acronym,
           'provider', CASE WHEN pv.id IS NULL THEN NULL ELSE json_build_object(
               'slug', pv.slug, 'name', pv.name, 'acronym', pv.acronym, 'kind', pv.kind) END,
           'credentialType', p.credential_type,
           'level', p.level,
           'audienceRoles', to_json(p.audience_roles),
           'competencies', to_json(p.competencies),
           'deliveryModes', to_json(p.delivery_modes),
           'languages', to_json(p.languages),
           'studyHours', rm_range(p.study_hours_min, p.study_hours_max),
           'durationWeeks', rm_range(p.duration_weeks_min, p.duration_weeks_max),
           'launchYear', p.launch_year,
           'status', p.status,
           'supersededBy', sp.slug,
           'website', p.website,
           'description', p.description,
           'lastVerifiedAt', p.last_verified_at,
           'aliases', coalesce(al.aliases, '[]'::json),
           'prices', coalesce(pj.prices, '[]'::json),
           'exams', coalesce(ex.exams, '[]'::json),
           'renewal', CASE WHEN rp.id IS NULL THEN NULL ELSE json_build_object(
               'cycleYears', rm_range(rp.cycle_years_min, rp.cycle_years_max),
               'credits', rm_range(rp.credits_min, rp.credits_max),
               'creditUnit', rp.credit_unit,
               'acceptedRoutes', to_json(rp.accepted_routes),
               'proofRetentionYears', rp.proof_retention_years,
               'fees', coalesce(pj.renewal_fees, '[]'::json),
               'note', rp.note,
               'source', rps.slug,
               'version', rp.version) END,
           'eligibility', coalesce(el.routes, '[]'::json),
           'outcomes', coalesce(oc.outcomes, '[]'::json),
           'sources', coalesce(src.sources, '[]'::json),
           'recognition', json_build_object(
               'signals', coalesce(rs.signals, 0),
               'regions', to_json(coalesce(rs.regions, '{}')),
               'kinds', to_json(coalesce(rs.kinds, '{}')),
               'postingShare', rs.posting_share,
               'latestPeriodEnd', rs.latest_period_end),
           'source', ps.slug,
           'updatedAt', rm_instant(p.updated_at),
           'version', p.version) AS detail,
       json_build_object('prices', coalesce(pj.versions, '{}'::json),
                         'exams', coalesce(ex.versions, '{}'::json)) AS child_versions
FROM program p
LEFT JOIN provider pv ON pv.id = p.provider_id
LEFT JOIN program sp ON sp.id = p.superseded_by_id
LEFT JOIN source ps ON ps.id = p.source_id
LEFT JOIN renewal_policy rp ON rp.program_id = p.id
LEFT JOIN source rps ON rps.id = rp.source_id
LEFT JOIN LATERAL (
    SELECT json_agg(a.alias ORDER BY a.id) AS aliases FROM program_alias a WHERE a.program_id = p.id
) al ON true
LEFT JOIN LATERAL (
    SELECT json_agg(x.j ORDER BY x.fee_type, x.audience, x.valid_from NULLS FIRST, x.id) AS prices,
           json_agg(x.j ORDER BY x.fee_type, x.audience, x.valid_from NULLS FIRST, x.id)
               FILTER (WHERE x.fee_type = 'RENEWAL') AS renewal_fees,
           json_object_agg(x.id, x.version) AS versions
    FROM (SELECT pr.id, pr.version, pr.fee_type, pr.audience, pr.valid_from, json_build_object(
              'id', pr.id, 'feeType', pr.fee_type, 'amount', rm_range(pr.amount_min, pr.amount_max),
              'currency', pr.currency, 'audience', pr.audience, 'deliveryMode', pr.delivery_mode,
              'requiredForAward', pr.required_for_award, 'validFrom', pr.valid_from, 'validTo', pr.valid_to,
              'note', pr.note, 'source', (SELECT slug FROM source WHERE id = pr.source_id)) AS j
          FROM price pr
          WHERE pr.program_id = p.id) x
) pj ON true
LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
               'id', e.id, 'name', e.name,
               'durationMinutes', rm_range(e.duration_minutes_min, e.duration_minutes_max),
               'questionCount', rm_range(e.question_count_min, e.question_count_max),
               'itemMix', CASE WHEN coalesce(e.multiple_choice_pct_min, e.multiple_choice_pct_max,
                       e.scenario_pct_min, e.scenario_pct_max, e.practical_pct_min, e.practical_pct_max) IS NULL
                   THEN NULL ELSE json_build_object(
                       'multipleChoice', rm_range(e.multiple_choice_pct_min, e.multiple_choice_pct_max),
                       'scenario', rm_range(e.scenario_pct_min, e.scenario_pct_max),
                       'practical', rm_range(e.practical_pct_min, e.practical_pct_max)) END,
               'passingScore', CASE WHEN e.passing_score_min IS NULL AND e.passing_score_max IS NULL THEN NULL
                   ELSE json_build_object('min', e.passing_score_min, 'max', e.passing_score_max,
                       'scale', e.passing_score_scale, 'scaleMax', e.passing_score_scale_max) END,
               'proctoring', to_json(e.proctoring),
               'testVendors', coalesce((SELECT json_agg(json_build_object('slug', v.slug, 'name', v.name,
                       'acronym', v.acronym, 'kind', v.kind) ORDER BY v.slug)
                   FROM exam_format_test_vendor tv JOIN provider v ON v.id = tv.provider_id
                   WHERE tv.exam_format_id = e.id), '[]'::json),
               'retake', CASE WHEN e.retake_attempts IS NULL AND e.retake_wait_days IS NULL THEN NULL
                   ELSE json_build_object('attempts', e.retake_attempts, 'windowMonths', e.retake_window_months,
                       'waitDays', e.retake_wait_days) END,
               'languages', to_json(e.languages),
               'accommodationExtraMinutes', e.accommodation_extra_minutes,
               'note', e.note,
               'source', (SELECT slug FROM source WHERE id = e.source_id)) ORDER BY e.id) AS exams,
           json_object_agg(e.id, e.version) AS versions,
           min(e.duration_minutes_min) AS exam_minutes,
           coalesce((SELECT array_agg(DISTINCT v ORDER BY v) FROM exam_format e2, unnest(e2.proctoring) v
                     WHERE e2.program_id = p.id), '{}') AS proctoring
    FROM exam_format e
    WHERE e.program_id = p.id
) ex ON true
LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
               'name', r.name, 'description', r.description,
               'conditions', coalesce((SELECT json_agg(json_build_object(
                       'kind', c.kind, 'value', rm_range(c.value_min, c.value_max),
                       'credential', c.credential, 'description', c.description) ORDER BY c.position)
                   FROM eligibility_condition c WHERE c.route_id = r.id), '[]'::json),
               'source', (SELECT slug FROM source WHERE id = r.source_id)) ORDER BY r.position) AS routes,
           -- ProgramMeasures.easiestExperienceMonths: a route's bar is its highest experience
           -- condition (0 without one, unknown when one has no amount); the easiest route's bar.
           min((SELECT CASE WHEN bool_or(c.value_min IS NULL) THEN NULL ELSE coalesce(max(c.value_min), 0) END
                FROM eligibility_condition c WHERE c.route_id = r.id AND c.kind = 'EXPERIENCE_MONTHS'))
               AS experience_months
    FROM eligibility_route r
    WHERE r.program_id = p.id
) el ON true
LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
               'metric', o.metric, 'value', rm_range(o.value_min, o.value_max), 'unit', o.unit,
               'periodMonths', rm_range(o.period_months_min, o.period_months_max),
               'statement', o.statement, 'source', (SELECT slug FROM source WHERE id = o.source_id))
               ORDER BY o.id) AS outcomes
    FROM outcome_claim o
    WHERE o.program_id = p.id
) oc ON true
LEFT JOIN LATERAL (
    -- Every source the facts cite, in the order the detail first cites them.
    SELECT json_agg((SELECT json_build_object(
               'slug', s.slug, 'title', s.title, 'url', s.url, 'publisher', s.publisher,
               'asOfYear', s.as_of_year, 'publishedDate', s.published_date,
               'retrievedDate', s.retrieved_date, 'note', s.note) FROM source s WHERE s.id = u.source_id)
               ORDER BY u.rank) AS sources
    FROM (SELECT source_id, min(rank) AS rank FROM (
              SELECT p.source_id, 0::numeric AS rank
              UNION ALL SELECT pr.source_id, 1 + row_number() OVER (ORDER BY pr.fee_type, pr.audience,
                     pr.valid_from NULLS FIRST, pr.id) / 1e7 FROM price pr WHERE pr.program_id = p.id
              UNION ALL SELECT e.source_id, 2 + e.id / 1e19 FROM exam_format e WHERE e.program_id = p.id
              UNION ALL SELECT rp.source_id, 3
              UNION ALL SELECT r.source_id, 4 + r.position / 1e10 FROM eligibility_route r WHERE r.program_id = p.id
              UNION ALL SELECT o.source_id, 5 + o.id / 1e19 FROM outcome_claim o WHERE o.program_id = p.id) x
          WHERE source_id IS NOT NULL GROUP BY source_id) u
) src ON true
LEFT JOIN LATERAL (
    SELECT count(*) AS signals,
           array_agg(DISTINCT g.region ORDER BY g.region) AS regions,
           array_agg(DISTINCT g.kind ORDER BY g.kind) AS kinds,
           round(sum(g.postings_matched) FILTER (WHERE g.kind = 'JOB_POSTING_MENTIONS' AND g.postings_scanned > 0)::numeric
               / nullif(sum(g.postings_scanned) FILTER (WHERE g.kind = 'JOB_POSTING_MENTIONS'
                   AND g.postings_scanned > 0 AND g.postings_matched IS NOT NULL), 0), 4) AS posting_share,
           sum(g.postings_matched) FILTER (WHERE g.kind = 'JOB_POSTING_MENTIONS')::float8
               / nullif(sum(g.postings_scanned) FILTER (WHERE g.kind = 'JOB_POSTING_MENTIONS'), 0) AS posting_rank,
           max(g.period_end) AS latest_period_end
    FROM recognition_signal g WHERE g.program_id = p.id
    HAVING count(*) > 0
) rs ON true
LEFT JOIN LATERAL (
    SELECT c.* FROM program_cost c
    WHERE c.program_id = p.id AND c.valid_from <= current_date AND c.valid_to > current_date
      AND (SELECT count(DISTINCT pr.currency) FROM price pr WHERE pr.program_id = p.id) = 1
) cw ON true;

-- ---- Maintenance --------------------------------------------------------------------------------

/** Re-derives the read model of these programs (rows of deleted programs go with them). */
-- jit off: compiling these plans costs more than running them (0.6 s of JIT for 2 ms of work).
CREATE FUNCTION read_model_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- Concurrent writers to one program each derive from what they can see; taking the program's
    -- row lock first makes the second wait for the first to commit and then derive from both.
    PERFORM 1 FROM program WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    DELETE FROM program_cost WHERE program_id = ANY(ids);
    INSERT INTO program_cost SELECT * FROM program_cost_source WHERE program_id = ANY(ids);
    DELETE FROM program_read WHERE program_id = ANY(ids);
    DELETE FROM program_document WHERE program_id = ANY(ids);
    -- One evaluation of the view feeds both tables.
    WITH src AS MATERIALIZED (SELECT * FROM program_read_source WHERE program_id = ANY(ids)),
         doc AS (INSERT INTO program_document SELECT program_id, slug, detail, child_versions FROM src)
    INSERT INTO program_read (program_id, version, recognition_signals, updated_at, cost_valid_from, cost_valid_to,
        any_initial_min_cents, any_initial_max_cents, member_initial_min_cents, member_initial_max_cents,
        non_member_initial_min_cents, non_member_initial_max_cents, provider_id, exam_minutes,
        experience_months, renewal_cycle_min, renewal_cycle_max, renewal_credits_min, posting_rank,
        latest_period_end, cost_currency, slug, name, name_key, acronym, provider_slug, provider_name,
        provider_acronym, provider_kind, credential_type, level, status, audience_roles, competencies,
        delivery_modes, languages, proctoring, recognition_regions, recognition_kinds, posting_share)
    SELECT program_id, version, recognition_signals, updated_at, cost_valid_from, cost_valid_to,
        any_initial_min_cents, any_initial_max_cents, member_initial_min_cents, member_initial_max_cents,
        non_member_initial_min_cents, non_member_initial_max_cents, provider_id, exam_minutes,
        experience_months, renewal_cycle_min, renewal_cycle_max, renewal_credits_min, posting_rank,
        latest_period_end, cost_currency, slug, name, name_key, acronym, provider_slug, provider_name,
        provider_acronym, provider_kind, credential_type, level, status, audience_roles, competencies,
        delivery_modes, languages, proctoring, recognition_regions, recognition_kinds, posting_share FROM src;
END $$;

/**
 * Re-derives the programs whose ids lie in [lo, hi] and returns how many: a slice of a rebuild.
 * Start-up runs slices side by side on several connections, so every core is busy.
 */
CREATE FUNCTION read_model_refresh_range(lo bigint, hi bigint) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(id ORDER BY id) INTO ids FROM program WHERE id BETWEEN lo AND hi;
    PERFORM read_model_refresh(ids);
    RETURN coalesce(cardinality(ids), 0);
END $$;

/** Re-derives the whole read model in one transaction (readers keep the old rows until it commits). */
CREATE FUNCTION read_model_rebuild() RETURNS bigint LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    n bigint;
BEGIN
    -- Rows of programs that no longer exist go with their program (ON DELETE CASCADE).
    SELECT read_model_refresh_range(min(id), max(id)) INTO n FROM program;
    ANALYZE program_cost;
    ANALYZE program_read;
    ANALYZE program_document;
    RETURN coalesce(n, 0);
END $$;

-- Which programs a statement's rows belong to, per table; then refresh them.
CREATE FUNCTION read_model_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    CASE TG_TABLE_NAME
        WHEN 'program' THEN
            SELECT array_agg(DISTINCT id) INTO ids FROM (
                SELECT c.id FROM changed c
                UNION SELECT p.id FROM program p WHERE p.superseded_by_id IN (SELECT c.id FROM changed c)) x;
        WHEN 'price', 'exam_format', 'renewal_policy', 'eligibility_route', 'outcome_claim',
             'recognition_signal', 'program_alias' THEN
            SELECT array_agg(DISTINCT c.program_id) INTO ids FROM changed c;
        WHEN 'eligibility_condition' THEN
            SELECT array_agg(DISTINCT r.program_id) INTO ids
            FROM changed c JOIN eligibility_route r ON r.id = c.route_id;
        WHEN 'exam_format_test_vendor' THEN
            SELECT array_agg(DISTINCT e.program_id) INTO ids
            FROM changed c JOIN exam_format e ON e.id = c.exam_format_id;
        WHEN 'provider' THEN
            SELECT array_agg(DISTINCT id) INTO ids FROM (
                SELECT p.id FROM program p WHERE p.provider_id IN (SELECT c.id FROM changed c)
                UNION SELECT e.program_id FROM exam_format_test_vendor tv JOIN exam_format e ON e.id = tv.exam_format_id
                WHERE tv.provider_id IN (SELECT c.id FROM changed c)) x;
        WHEN 'source' THEN
            SELECT array_agg(DISTINCT id) INTO ids FROM (
                SELECT p.id FROM program p WHERE p.source_id IN (SELECT c.id FROM changed c)
                UNION SELECT program_id FROM price WHERE source_id IN (SELECT c.id FROM changed c)
                UNION SELECT program_id FROM exam_format WHERE source_id IN (SELECT c.id FROM changed c)
                UNION SELECT program_id FROM renewal_policy WHERE source_id IN (SELECT c.id FROM changed c)
                UNION SELECT program_id FROM eligibility_route WHERE source_id IN (SELECT c.id FROM changed c)
                UNION SELECT program_id FROM outcome_claim WHERE source_id IN (SELECT c.id FROM changed c)
                    AND program_id IS NOT NULL) x;
    END CASE;
    PERFORM read_model_refresh(ids);
    RETURN NULL;
END $$;

-- A trigger with transition tables takes one event, so three per table.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['program', 'price', 'exam_format', 'exam_format_test_vendor', 'renewal_policy',
            'eligibility_route', 'eligibility_condition', 'outcome_claim', 'recognition_signal',
            'program_alias', 'provider', 'source'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed'
            || ' FOR EACH STATEMENT EXECUTE FUNCTION read_model_on_change()', t || '_read_model_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed'
            || ' FOR EACH STATEMENT EXECUTE FUNCTION read_model_on_change()', t || '_read_model_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed'
            || ' FOR EACH STATEMENT EXECUTE FUNCTION read_model_on_change()', t || '_read_model_del', t);
    END LOOP;
END $$;

-- Derive what V1 data there is (a database migrated from V1 keeps working).
SELECT read_model_rebuild();
