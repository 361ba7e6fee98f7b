package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model's promise, pinned (README "Read model"): a REST list page is one statement after
 * the catalog-revision read that conditional GETs need, its facets one more, a detail one, and a
 * GraphQL page of programs with provider and exams nested one for the page and one for the
 * providers — no transaction, no commit, whatever the page size. The response cache is off so every
 * request reaches the database.
 */
@QuarkusTest
@TestProfile(ReadPathStatementCountTest.CountingDriverNoCache.class)
class ReadPathStatementCountTest {

  /** The counting JDBC driver, and no response cache. */
  public static class CountingDriverNoCache extends GraphqlStatementCountTest.CountingDriver {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.jdbc.driver",
          StatementCountingDriver.class.getName(),
          "catalog.cache.max-entries",
          "0",
          "catalog.webhooks.dispatcher-enabled",
          "false");
    }
  }

  static final String PAGE =
      "/api/v1/programs?provider=cxpa,hdi,icmi&priceMin=0&priceMax=5000&limit=20&sort=name";

  @BeforeEach
  void warmUp() {
    given().get(PAGE).then().statusCode(200);
  }

  @Test
  void shouldListAPageInOneStatementAfterTheRevision() {
    StatementCountingDriver.reset();
    given().get(PAGE).then().statusCode(200).body("totalCount", notNullValue());
    assertThat(StatementCountingDriver.STATEMENTS.get())
        .as("revision + page (with its total)")
        .isEqualTo(2);
    assertThat(StatementCountingDriver.COMMITS.get()).as("commits").isZero();
  }

  @Test
  void shouldCountFacetsInOneMoreStatement() {
    StatementCountingDriver.reset();
    given()
        .get(PAGE + "&facets=level,provider,delivery")
        .then()
        .statusCode(200)
        .body("facets.provider.cxpa", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    assertThat(StatementCountingDriver.STATEMENTS.get())
        .as("revision + page + counts")
        .isEqualTo(3);
  }

  @Test
  void shouldServeADetailInOneStatementAfterTheRevision() {
    StatementCountingDriver.reset();
    given()
        .get("/api/v1/programs/ccxp")
        .then()
        .statusCode(200)
        .body("exams[0].durationMinutes.min", equalTo(120));
    assertThat(StatementCountingDriver.STATEMENTS.get()).as("revision + document").isEqualTo(2);
  }

  @Test
  void shouldAnswerTheCommonGraphqlPageInTwoStatements() {
    String query =
        """
        {"query": "{ programs(filter: {providers: [\\"cxpa\\", \\"hdi\\"]}, orderBy: {field: NAME}, first: 20) { edges { node { slug name provider { name } exams { durationMinutes { min max } questionCount { min max } } } } } }"}
        """;
    given().contentType("application/json").body(query).post("/graphql").then().statusCode(200);
    StatementCountingDriver.reset();
    given()
        .contentType("application/json")
        .body(query)
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", equalTo(null))
        .body("data.programs.edges.node.slug", hasItem("ccxp"));
    assertThat(StatementCountingDriver.STATEMENTS.get()).as("page + providers").isEqualTo(2);
    assertThat(StatementCountingDriver.COMMITS.get()).as("commits").isZero();
  }
}
