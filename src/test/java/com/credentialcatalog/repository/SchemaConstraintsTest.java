package com.credentialcatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The database itself rejects nonsense, whatever code writes to it. Each row inserts one bad row
 * (inside a rolled-back transaction) and names the constraint that must refuse it.
 */
@QuarkusTest
class SchemaConstraintsTest {

  private static final String PROGRAM = "(select id from program where slug = 'ccxp')";

  @Inject AgroalDataSource dataSource;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      price_amount_range | insert into price (program_id, fee_type, amount_min, amount_max, currency) values (PROGRAM, 'EXAM', 700, 600, 'USD')
      price_amounts_non_negative | insert into price (program_id, fee_type, amount_min, amount_max, currency) values (PROGRAM, 'EXAM', -1, 600, 'USD')
      price_currency_iso4217 | insert into price (program_id, fee_type, amount_min, amount_max, currency) values (PROGRAM, 'EXAM', 1, 2, 'usd')
      price_currency_iso4217 | insert into price (program_id, fee_type, amount_min, amount_max, currency) values (PROGRAM, 'EXAM', 1, 2, 'DOLLARS')
      price_validity_order | insert into price (program_id, fee_type, amount_min, amount_max, currency, valid_from, valid_to) values (PROGRAM, 'EXAM', 1, 2, 'USD', '2024-06-01', '2024-01-01')
      price_validity_order | insert into price (program_id, fee_type, amount_min, amount_max, currency, valid_from, valid_to) values (PROGRAM, 'EXAM', 1, 2, 'USD', '2024-01-01', '2024-01-01')
      price_fee_type_valid | insert into price (program_id, fee_type, amount_min, amount_max, currency) values (PROGRAM, 'BRIBE', 1, 2, 'USD')
      exam_pct_bounds | insert into exam_format (program_id, multiple_choice_pct_min, multiple_choice_pct_max) values (PROGRAM, 50, 120)
      exam_item_mix_at_most_100 | insert into exam_format (program_id, multiple_choice_pct_min, multiple_choice_pct_max, scenario_pct_min, scenario_pct_max) values (PROGRAM, 70, 80, 40, 50)
      exam_duration_range | insert into exam_format (program_id, duration_minutes_min, duration_minutes_max) values (PROGRAM, 120, 90)
      exam_passing_percent_bounds | insert into exam_format (program_id, passing_score_min, passing_score_scale) values (PROGRAM, 700, 'PERCENT')
      program_slug_kebab | insert into program (slug, name, credential_type) values ('Not A Slug', 'x', 'CERTIFICATION')
      program_slug_kebab | insert into program (slug, name, credential_type) values ('trailing-', 'x', 'CERTIFICATION')
      program_slug_unique | insert into program (slug, name, credential_type) values ('ccxp', 'Another CCXP', 'CERTIFICATION')
      program_competencies_valid | insert into program (slug, name, credential_type, competencies) values ('p-x', 'x', 'CERTIFICATION', '{JUGGLING}')
      program_study_hours_range | insert into program (slug, name, credential_type, study_hours_min, study_hours_max) values ('p-y', 'x', 'CERTIFICATION', 80, 40)
      provider_slug_unique | insert into provider (slug, name, kind) values ('cxpa', 'Copy', 'UNIVERSITY')
      provider_country_iso | insert into provider (slug, name, kind, country) values ('p-z', 'x', 'UNIVERSITY', 'USA')
      renewal_cycle_range | insert into renewal_policy (program_id, cycle_years_min, cycle_years_max) values (PROGRAM, 3, 2)
      renewal_policy_one_per_program | insert into renewal_policy (program_id) select program_id from renewal_policy limit 1
      eligibility_condition_values | insert into eligibility_condition (route_id, position, kind, value_min) values ((select min(id) from eligibility_route), 99, 'MIN_AGE', -1)
      recognition_postings | insert into recognition_signal (program_id, kind, source_name, region, period_start, period_end, requirement_level, postings_matched, postings_scanned) values (PROGRAM, 'JOB_POSTING_MENTIONS', 'board', 'US', '2024-01-01', '2024-01-31', 'REQUIRED', 10, 5)
      recognition_region_valid | insert into recognition_signal (program_id, kind, source_name, region, period_start, period_end, requirement_level) values (PROGRAM, 'JOB_POSTING_MENTIONS', 'board', 'usa', '2024-01-01', '2024-01-31', 'REQUIRED')
      recognition_natural_key | insert into recognition_signal (program_id, kind, source_name, region, period_start, period_end, requirement_level) select program_id, kind, source_name, region, period_start, period_end, requirement_level from (values (PROGRAM, 'JOB_POSTING_MENTIONS', 'board', 'US', date '2024-01-01', date '2024-01-31', 'REQUIRED'), (PROGRAM, 'JOB_POSTING_MENTIONS', 'board', 'US', date '2024-01-01', date '2024-01-31', 'REQUIRED')) v(program_id, kind, source_name, region, period_start, period_end, requirement_level)
      """)
  void shouldRejectBadRow(String constraint, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeUpdate(sql.replace("PROGRAM", PROGRAM)))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining(constraint);
      } finally {
        c.rollback();
      }
    }
  }

  @ParameterizedTest(name = "accepts: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a full valid price | insert into price (program_id, fee_type, amount_min, amount_max, currency, audience, valid_from, valid_to) values (PROGRAM, 'RETAKE', 0, 0, 'EUR', 'MEMBER', '2024-01-01', '2024-01-02')
      an item mix of exactly 100 | insert into exam_format (program_id, multiple_choice_pct_min, multiple_choice_pct_max, scenario_pct_min, scenario_pct_max, practical_pct_min, practical_pct_max) values (PROGRAM, 60, 60, 30, 30, 10, 10)
      a scaled passing score | insert into exam_format (program_id, passing_score_min, passing_score_scale, passing_score_scale_max) values (PROGRAM, 700, 'SCALED', 1000)
      """)
  void shouldAcceptGoodRow(String what, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        assertThat(s.executeUpdate(sql.replace("PROGRAM", PROGRAM))).isEqualTo(1);
      } finally {
        c.rollback();
      }
    }
  }
}
