package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No N+1 (README "Read model"): a page of 20 and a page of 100 programs with every nested field
 * cost the same, small, fixed number of SQL statements. The statements are counted where they leave
 * the application, in the JDBC driver ({@link StatementCountingDriver}), so nothing escapes the
 * count — neither Hibernate's queries nor the SQL repositories run on the raw connection.
 */
@QuarkusTest
@TestProfile(GraphqlStatementCountTest.CountingDriver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphqlStatementCountTest {

  /** The application with the counting JDBC driver. */
  public static class CountingDriver implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // The webhook dispatcher polls the change feed on its own threads: its statements would
      // count as the request's.
      return Map.of(
          "quarkus.datasource.jdbc.driver",
          StatementCountingDriver.class.getName(),
          "catalog.webhooks.dispatcher-enabled",
          "false");
    }
  }

  static final String PROVIDER = "gql-bulk-provider";

  /** As many programs as the generate_series below creates: more than a page of 100. */
  static final int PROGRAMS = 120;

  /** Every field of a program, every nested field of those, and the connection's counts. */
  static final String EVERYTHING =
      """
      query Page($first: Int!) {
        programs(filter: {providers: ["gql-bulk-provider"]}, first: $first) {
          totalCount
          facets(fields: [LEVEL, DELIVERY, PROCTORING]) { field values { value count } }
          pageInfo { hasNextPage endCursor }
          edges {
            cursor
            node {
              slug name acronym credentialType level audienceRoles competencies deliveryModes languages
              studyHours { min max } durationWeeks { min max } launchYear status website description
              lastVerifiedAt source updatedAt version
              provider { slug name programCount source { slug title } }
              supersededBy { slug name provider { slug } }
              aliases
              prices { id version feeType amount { min max } currency audience requiredForAward validFrom source }
              examFees: prices(feeType: [EXAM], asOf: "2025-06-01") { id amount { min max } }
              exams { id version name durationMinutes { min max } proctoring testVendors { slug name } source }
              renewal { cycleYears { min max } credits { min max } creditUnit fees { id amount { min } } version }
              eligibility { name conditions { kind value { min max } } source }
              outcomes { metric value { min max } statement source }
              sources { slug title url }
              threeYears: costOfOwnership(horizonYears: 3, currency: "USD") { total { min max } lineItems { label } }
              sixYears: costOfOwnership(horizonYears: 6, currency: "USD") { total { min max } }
            }
          }
        }
      }
      """;

  @Inject AgroalDataSource dataSource;

  @BeforeAll
  void createAProviderWithManyPrograms() throws SQLException {
    deleteBulkData();
    sql(
        """
        INSERT INTO provider (slug, name, kind, country, source_id)
        SELECT 'gql-bulk-provider', 'Bulk Provider', 'TRAINING_VENDOR', 'US', min(id) FROM source""",
        """
        INSERT INTO program (slug, name, acronym, provider_id, credential_type, level, competencies, delivery_modes,
          languages, study_hours_min, study_hours_max, launch_year, website, description, last_verified_at, source_id)
        SELECT 'gql-bulk-' || g, 'Bulk Program ' || g, 'BP' || g, pv.id, 'CERTIFICATION',
          CASE WHEN mod(g, 2) = 0 THEN 'PROFESSIONAL' ELSE 'MANAGER' END, '{CX_STRATEGY}', '{LIVE_ONLINE,BLENDED}',
          '{en}', 10, 20, 2020, 'https://bulk.example/' || g, 'A bulk program.', date '2025-01-01', pv.source_id
        FROM generate_series(1, 120) g, provider pv WHERE pv.slug = 'gql-bulk-provider'""",
        """
        UPDATE program p SET superseded_by_id = (SELECT id FROM program WHERE slug = 'gql-bulk-1')
        WHERE p.slug LIKE 'gql-bulk-%' AND p.slug <> 'gql-bulk-1' AND p.id % 3 = 0""",
        """
        INSERT INTO price (program_id, fee_type, amount_min, amount_max, currency, audience, required_for_award,
          valid_from, source_id)
        SELECT p.id, f.fee, f.amount, f.amount + 50, 'USD', 'ANY', f.fee <> 'RENEWAL', date '2024-01-01', p.source_id
        FROM program p, (VALUES ('EXAM', 200), ('APPLICATION', 50), ('RENEWAL', 100)) f(fee, amount)
        WHERE p.slug LIKE 'gql-bulk-%'""",
        """
        INSERT INTO exam_format (program_id, name, duration_minutes_min, duration_minutes_max, question_count_min,
          proctoring, languages, source_id)
        SELECT p.id, 'Bulk exam', 90, 120, 60, '{REMOTE,TEST_CENTER}', '{en}', p.source_id
        FROM program p WHERE p.slug LIKE 'gql-bulk-%'""",
        """
        INSERT INTO exam_format_test_vendor (exam_format_id, provider_id)
        SELECT e.id, v.id FROM exam_format e JOIN program p ON p.id = e.program_id, provider v
        WHERE p.slug LIKE 'gql-bulk-%' AND v.slug = 'pearson-vue'""",
        """
        INSERT INTO renewal_policy (program_id, cycle_years_min, cycle_years_max, credits_min, credits_max,
          credit_unit, accepted_routes, source_id)
        SELECT p.id, 3, 3, 30, 40, 'CEU', '{CREDITS}', p.source_id FROM program p WHERE p.slug LIKE 'gql-bulk-%'""",
        """
        INSERT INTO eligibility_route (program_id, position, name, source_id)
        SELECT p.id, 0, 'Experience', p.source_id FROM program p WHERE p.slug LIKE 'gql-bulk-%'""",
        """
        INSERT INTO eligibility_condition (route_id, position, kind, value_min, description)
        SELECT r.id, 0, 'EXPERIENCE_MONTHS', 12, 'A year in service'
        FROM eligibility_route r JOIN program p ON p.id = r.program_id WHERE p.slug LIKE 'gql-bulk-%'""",
        """
        INSERT INTO outcome_claim (program_id, metric, value_min, value_max, unit, statement, source_id)
        SELECT p.id, 'CSAT', 5, 15, 'PERCENT', 'Higher satisfaction', p.source_id
        FROM program p WHERE p.slug LIKE 'gql-bulk-%'""",
        """
        INSERT INTO program_alias (program_id, alias, normalized)
        SELECT p.id, 'BULK ' || p.id, 'bulk ' || p.id FROM program p WHERE p.slug LIKE 'gql-bulk-%'""");
  }

  @AfterAll
  void deleteBulkData() throws SQLException {
    sql(
        "DELETE FROM program WHERE provider_id IN (SELECT id FROM provider WHERE slug = 'gql-bulk-provider')",
        "DELETE FROM provider WHERE slug = 'gql-bulk-provider'");
  }

  @Test
  void shouldCostTheSameFixedNumberOfStatementsForAPageOf20AndOf100() {
    query(
        EVERYTHING,
        vars("first", 5)); // warm up: first-request work (schema, caches) is not the point

    Count twenty = count(20);
    Count hundred = count(100);

    assertThat(hundred).as("a page of 100 costs what a page of 20 costs").isEqualTo(twenty);
    assertThat(twenty.statements())
        .as("statements for a page with every nested field")
        .isLessThanOrEqualTo(30);
  }

  @Test
  void shouldCostFewStatementsForTheCommonPageOfProgramsWithProviderAndExams() {
    String common =
        """
        { programs(filter: {providers: ["gql-bulk-provider"]}, first: 20) {
            edges { node { slug name provider { slug name } exams { name durationMinutes { min max } } } } } }
        """;
    query(common);
    StatementCountingDriver.reset();
    JsonPath page = query(common);
    assertThat(page.getList("data.programs.edges")).hasSize(20);
    // The page query, the programs, the providers with their program counts, the exams with their
    // sources.
    assertThat(StatementCountingDriver.STATEMENTS.get()).isLessThanOrEqualTo(6);
  }

  record Count(long statements, long commits) {}

  private Count count(int first) {
    StatementCountingDriver.reset();
    JsonPath page = query(EVERYTHING, vars("first", first));
    Count count =
        new Count(StatementCountingDriver.STATEMENTS.get(), StatementCountingDriver.COMMITS.get());
    assertThat(page.getList("errors")).as("errors").isNull();
    assertThat(page.getList("data.programs.edges")).hasSize(first);
    assertThat(page.getInt("data.programs.totalCount")).isEqualTo(PROGRAMS);
    assertThat(page.getList("data.programs.edges.node.exams.testVendors.slug").toString())
        .contains("pearson-vue");
    assertThat(page.getList("data.programs.edges.node.supersededBy.slug").toString())
        .contains("gql-bulk-1");
    assertThat(page.getList("data.programs.edges.node.renewal.fees.id").toString())
        .isNotEqualTo("[]");
    System.out.printf(
        "GraphQL page of %d with every nested field: %d statements, %d commits%n",
        first, count.statements(), count.commits());
    return count;
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
