package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The direct path answers exactly what graphql-java answers — same status, media type and bytes —
 * for the reads it serves, and leaves every other document (errors, arguments below the root,
 * introspection) to graphql-java. Each document is sent twice, with the direct path on and off; the
 * response cache is off, or the second answer would be the first one kept.
 */
@QuarkusTest
@TestProfile(DirectReadsParityTest.NoResponseCache.class)
class DirectReadsParityTest {

  public static class NoResponseCache implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("catalog.cache.max-entries", "0");
    }
  }

  static final String PAGE =
      """
      query Page($first: Int, $after: String) {
        programs(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { ...Own provider { slug name acronym kind website country programCount version }
            exams { id name durationMinutes { min max } questionCount { min max } languages proctoring
              accommodationExtraMinutes note source version
              itemMix { multipleChoice { min max } scenario { min max } practical { min max } }
              passingScore { min max scale scaleMax } retake { attempts windowMonths waitDays }
              testVendors { slug name } }
            renewal { cycleYears { min max } credits { min max } creditUnit acceptedRoutes note
              proofRetentionYears source version }
            aliases
            eligibility { name description source conditions { kind credential description value { min max } } }
            outcomes { metric statement unit source value { min max } periodMonths { min max } }
            supersededBy { slug name } } }
        }
      }
      fragment Own on Program {
        __typename slug name acronym credentialType level audienceRoles competencies deliveryModes languages
        studyHours { min max } durationWeeks { min max } launchYear status website description source version
      }""";

  @Inject DirectReads directReads;

  @BeforeEach
  @AfterEach
  void directOn() {
    directReads.enabled(true);
    // SmallRye builds its engine on the first execution; the direct path serves from the second.
    send("{ __typename }", Map.of());
  }

  @Test
  void shouldAnswerAPageOfProgramsWithEverythingNestedAsGraphqlJavaDoes() {
    String first = sameAnswer(PAGE, vars("first", 4), true);
    String after =
        io.restassured.path.json.JsonPath.from(first).getString("data.programs.pageInfo.endCursor");
    sameAnswer(PAGE, vars("first", 4, "after", after), true);
    sameAnswer(PAGE, vars("first", 100), true);
  }

  @Test
  void shouldFilterOrderAliasAndSkipAsGraphqlJavaDoes() {
    String query =
        """
        query Q($prov: String!, $lo: BigDecimal, $hi: BigDecimal, $withExams: Boolean!, $noName: Boolean!) {
          cheap: programs(filter: {providers: [$prov], priceMin: $lo, priceMax: $hi}, orderBy: {field: NAME,
              direction: DESC}, first: 20) {
            edges { node { slug title: name @skip(if: $noName) ... on Program { exams @include(if: $withExams)
              { durationMinutes { min max } } } provider { name } } }
          }
          all: programs(filter: {types: [CERTIFICATION, CERTIFICATE], levels: PROFESSIONAL}) { totalCount
            edges { node { slug } } }
          __typename
        }""";
    sameAnswer(
        query,
        vars("prov", "hdi", "lo", "0", "hi", "2000", "withExams", true, "noName", false),
        true);
    sameAnswer(
        query,
        vars("prov", "cxpa", "lo", null, "hi", "900", "withExams", false, "noName", true),
        true);
  }

  @Test
  void shouldAnswerOneProgramAsGraphqlJavaDoes() {
    String query =
        "query One($s: String!) { program(slug: $s) { ...Own exams { id name } renewal { cycleYears { min } } } }"
            + PAGE.substring(PAGE.indexOf("fragment Own"));
    sameAnswer(query, vars("s", "ccxp"), true);
    sameAnswer(query, vars("s", "hdi-support-center-analyst"), true);
  }

  @Test
  void shouldLeaveErrorsAndOtherFieldsToGraphqlJava() {
    // An unknown slug, a bad page size, a bad cursor, a bad amount: graphql-java reports them.
    sameAnswer("{ program(slug: \"no-such-program\") { slug } }", Map.of(), false);
    sameAnswer("{ programs(first: 0) { edges { node { slug } } } }", Map.of(), false);
    sameAnswer(
        "{ programs(after: \"not-a-cursor\") { edges { node { slug } } } }", Map.of(), false);
    sameAnswer(
        "query($lo: BigDecimal) { programs(filter: {priceMin: $lo}) { totalCount } }",
        vars("lo", "cheap"),
        false);
    // Fields with arguments below the root, facets and introspection are graphql-java's.
    sameAnswer(
        "{ program(slug: \"ccxp\") { prices(asOf: \"2025-01-01\") { amount { min max } } } }",
        Map.of(),
        false);
    sameAnswer(
        "{ programs { facets(fields: [LEVEL]) { field values { value count } } } }",
        Map.of(),
        false);
    sameAnswer("{ __schema { queryType { name } } }", Map.of(), false);
  }

  /** Sends the document with the direct path on and off; both answers must be the same. */
  private String sameAnswer(String query, Map<String, Object> variables, boolean direct) {
    long before = directReads.answered();
    Response on = send(query, variables);
    assertThat(directReads.answered() - before)
        .as("answered directly: %s", query)
        .isEqualTo(direct ? 1 : 0);
    directReads.enabled(false);
    Response off;
    try {
      off = send(query, variables);
    } finally {
      directReads.enabled(true);
    }
    assertThat(on.statusCode()).isEqualTo(off.statusCode());
    assertThat(on.contentType()).isEqualTo(off.contentType());
    assertThat(on.asString()).isEqualTo(off.asString());
    if (direct) {
      assertThat(on.asString()).doesNotContain("\"errors\"");
    }
    return on.asString();
  }

  private static Response send(String query, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    return given()
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON)
        .body(body)
        .post("/graphql");
  }

  private static Map<String, Object> vars(Object... keysAndValues) {
    return GraphqlClient.vars(keysAndValues);
  }
}
