-- Passing scores on more than one scale (issue 13): an exam format keeps every scale its source
-- states ("70-75%", "700 of 1,000 scaled") as data, in order, in passing_scores. The first entry
-- is the primary scale, which the passing_score_* columns keep holding as before, so every reader
-- of those columns (filters, comparisons, clients of passingScore) is unchanged. A row with no
-- list (written before V7 or by plain SQL) reads as its one primary scale.
--
-- The detail document also carries the CTIDs of the program and of each exam format (V6), which
-- the CTDL export names its nodes by.

ALTER TABLE exam_format ADD COLUMN passing_scores jsonb NOT NULL DEFAULT '[]'
    CONSTRAINT exam_passing_scores_array CHECK (jsonb_typeof(passing_scores) = 'array');

-- The passing scores of an exam format as the detail document shows them: the stored list, else
-- the primary scale of the passing_score_* columns, else none.
CREATE FUNCTION rm_passing_scores(e exam_format) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN jsonb_array_length(e.passing_scores) > 0 THEN (
            SELECT json_agg(json_build_object('min', (s->>'min')::numeric, 'max', (s->>'max')::numeric,
                       'scale', s->>'scale', 'scaleMax', (s->>'scaleMax')::integer) ORDER BY n)
            FROM jsonb_array_elements(e.passing_scores) WITH ORDINALITY AS t(s, n))
        WHEN e.passing_score_min IS NULL AND e.passing_score_max IS NULL THEN '[]'::json
        ELSE json_build_array(json_build_object('min', e.passing_score_min, 'max', e.passing_score_max,
                 'scale', e.passing_score_scale, 'scaleMax', e.passing_score_scale_max))
    END
$$;

CREATE OR REPLACE VIEW program_read_source AS
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
           'ctid', p.ctdl_id,
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
                         'exams', coalesce(ex.versions, '{}'::json)) AS child_versions,
       coalesce(cc.currencies, '{}') AS cost_currencies,
       cw.any_renewal_min, cw.any_renewal_max, cw.member_renewal_min, cw.member_renewal_max,
       cw.non_member_renewal_min, cw.non_member_renewal_max
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
               'id', e.id, 'ctid', e.ctdl_id, 'name', e.name,
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
               'passingScores', rm_passing_scores(e),
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
    SELECT array_agg(DISTINCT pr.currency ORDER BY pr.currency) AS currencies FROM price pr WHERE pr.program_id = p.id
) cc ON true
LEFT JOIN LATERAL (
    -- The only currency of the program, else the default one of the filters when it has prices in it.
    SELECT c.* FROM program_cost c
    WHERE c.program_id = p.id AND c.valid_from <= current_date AND c.valid_to > current_date
      AND c.currency = CASE WHEN cardinality(cc.currencies) = 1 THEN cc.currencies[1]
                            WHEN 'USD' = ANY(cc.currencies) THEN 'USD' END
) cw ON true;

-- Re-derive every document with the new fields.
SELECT read_model_rebuild();
