-- Physical order of the read model (README "Read model"): a rebuild writes each provider's
-- programs next to each other. The common list asks for one provider's programs; generated and
-- bulk-loaded catalogs number programs across providers, so a provider's 50 rows lay on 50
-- different pages of program_read, program_tally and program_summary (174 buffer hits for a
-- 20-row page at 100,000 programs). Written in provider order they lie on a few pages, and the
-- page statement ran ~1.8x as many times per second on one backend (pgbench, same machine).
--
-- read_model_refresh is V3's, with src sorted by provider; read_model_refresh_providers refreshes
-- whole providers, the slices the start-up rebuild hands to its workers (ReadModelService). The
-- per-write path is unchanged in what it derives: the few programs of a statement, now in
-- provider order too.

CREATE OR REPLACE FUNCTION read_model_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
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
    -- In provider order: a fresh table then keeps each provider's programs on a few pages, which is
    -- what the common list (a provider's programs) and its count read (V17).
    WITH src AS MATERIALIZED (SELECT * FROM program_read_source WHERE program_id = ANY(ids)
                              ORDER BY provider_id, program_id),
         doc AS (INSERT INTO program_document SELECT program_id, slug, detail, child_versions FROM src)
    INSERT INTO program_read (program_id, version, recognition_signals, updated_at, cost_valid_from, cost_valid_to,
        any_initial_min_cents, any_initial_max_cents, member_initial_min_cents, member_initial_max_cents,
        non_member_initial_min_cents, non_member_initial_max_cents, provider_id, exam_minutes,
        experience_months, renewal_cycle_min, renewal_cycle_max, renewal_credits_min, posting_rank,
        latest_period_end, cost_currency, slug, name, name_key, acronym, provider_slug, provider_name,
        provider_acronym, provider_kind, credential_type, level, status, audience_roles, competencies,
        delivery_modes, languages, proctoring, recognition_regions, recognition_kinds, posting_share, cost_currencies, any_renewal_min, any_renewal_max, member_renewal_min, member_renewal_max,
        non_member_renewal_min, non_member_renewal_max)
    SELECT program_id, version, recognition_signals, updated_at, cost_valid_from, cost_valid_to,
        any_initial_min_cents, any_initial_max_cents, member_initial_min_cents, member_initial_max_cents,
        non_member_initial_min_cents, non_member_initial_max_cents, provider_id, exam_minutes,
        experience_months, renewal_cycle_min, renewal_cycle_max, renewal_credits_min, posting_rank,
        latest_period_end, cost_currency, slug, name, name_key, acronym, provider_slug, provider_name,
        provider_acronym, provider_kind, credential_type, level, status, audience_roles, competencies,
        delivery_modes, languages, proctoring, recognition_regions, recognition_kinds, posting_share, cost_currencies, any_renewal_min, any_renewal_max, member_renewal_min, member_renewal_max,
        non_member_renewal_min, non_member_renewal_max FROM src;
END $$;

/**
 * Re-derives every program of these providers (and those without a provider when unowned), in
 * provider order; returns how many.
 */
CREATE FUNCTION read_model_refresh_providers(providers bigint[], unowned boolean) RETURNS bigint
    LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(id ORDER BY id) INTO ids FROM program
    WHERE provider_id = ANY(providers) OR (unowned AND provider_id IS NULL);
    PERFORM read_model_refresh(ids);
    RETURN coalesce(cardinality(ids), 0);
END $$;
