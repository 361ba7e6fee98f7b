package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.codes;
import static com.credentialcatalog.graphql.GraphqlClient.failing;
import static com.credentialcatalog.graphql.GraphqlClient.query;
import static com.credentialcatalog.graphql.GraphqlClient.vars;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Failures are GraphQL errors with an {@code extensions.code} a program can branch on and a message
 * a person can act on; one failing field leaves the others' data; nothing reveals the
 * implementation.
 */
@QuarkusTest
class GraphqlErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      { program(slug: "no-such-program") { slug } }                                     | NOT_FOUND        |
      { provider(slug: "no-such-provider") { slug } }                                   | NOT_FOUND        |
      { costOfOwnership(program: "no-such-program") { total { min } } }                 | NOT_FOUND        |
      { compare(programs: ["ccxp", "no-such-program"]) { programs } }                   | NOT_FOUND        |
      { programs(first: 0) { totalCount } }                                             | BAD_USER_INPUT   | first
      { programs(first: 101) { totalCount } }                                           | BAD_USER_INPUT   | first
      { providers(first: 101) { pageInfo { hasNextPage } } }                            | BAD_USER_INPUT   | first
      { programs(after: "not-a-cursor") { totalCount } }                                | BAD_USER_INPUT   | after
      { programs(filter: {currency: "dollars"}) { totalCount } }                        | BAD_USER_INPUT   | filter.currency
      { programs(filter: {priceMin: 500, priceMax: 100}) { totalCount } }               | BAD_USER_INPUT   | filter.priceMin
      { programs(filter: {priceMin: -5}) { totalCount } }                               | BAD_USER_INPUT   | filter.priceMin
      { programs(filter: {examMinutesMax: -1}) { totalCount } }                         | BAD_USER_INPUT   | filter.examMinutesMax
      { programs(filter: {recognizedIn: "Europe"}) { totalCount } }                     | BAD_USER_INPUT   | filter.recognizedIn
      { programs(orderBy: {field: RELEVANCE}) { totalCount } }                          | BAD_USER_INPUT   | orderBy
      { programs(orderBy: {horizonYears: 0}) { totalCount } }                           | BAD_USER_INPUT   | orderBy.horizonYears
      { providers(filter: {country: "usa"}) { pageInfo { hasNextPage } } }              | BAD_USER_INPUT   | filter.country
      { compare(programs: ["ccxp"]) { programs } }                                      | BAD_USER_INPUT   | programs
      { compare(programs: ["ccxp", "copc-certification"], horizonYears: 51) { programs } } | BAD_USER_INPUT | horizonYears
      { costOfOwnership(program: "ccxp", currency: "usd") { total { min } } }          | BAD_USER_INPUT   | currency
      { program(slug: "ccxp") { costOfOwnership(horizonYears: 0) { total { min } } } }  | BAD_USER_INPUT   | horizonYears
      { program(slug: "ccxp") { nickname } }                                            | GRAPHQL_VALIDATION_FAILED |
      { programs(filter: {levels: [GURU]}) { totalCount } }                             | BAD_USER_INPUT   |
      { costOfOwnership(program: "ccxp", asOf: "2024-13-45") { total { min } } }        | BAD_USER_INPUT   | asOf
      { program(slug: "ccxp") { prices(asOf: "yesterday") { id } } }                    | BAD_USER_INPUT   | asOf
      { program(slug: "ccxp" { slug } }                                                 | GRAPHQL_PARSE_FAILED |
      """)
  void shouldAnswerWithTheCodeAndTheOffendingArgument(String document, String code, String field) {
    JsonPath response = failing(document);
    assertThat(codes(response)).containsExactly(code);
    if (field != null) {
      assertThat(response.getString("errors[0].extensions.field")).isEqualTo(field);
    }
    assertThat(response.getString("errors[0].message")).isNotBlank();
  }

  @Test
  void shouldKeepTheDataOfTheFieldsThatDidNotFail() {
    JsonPath response =
        failing(
            """
        { missing: program(slug: "no-such-program") { slug }
          ccxp: program(slug: "ccxp") { slug name }
          tooMany: programs(first: 1000) { totalCount }
          count: programs(filter: {providers: ["hdi"]}) { totalCount } }
        """);
    assertThat(response.getString("data.ccxp.slug")).isEqualTo("ccxp");
    assertThat(response.getInt("data.count.totalCount")).isEqualTo(3);
    assertThat((Object) response.get("data.missing")).isNull();
    assertThat((Object) response.get("data.tooMany")).isNull();
    assertThat(codes(response)).containsExactlyInAnyOrder("NOT_FOUND", "BAD_USER_INPUT");
    assertThat(response.getList("errors.path"))
        .containsExactlyInAnyOrder(List.of("missing"), List.of("tooMany"));
  }

  @Test
  void shouldAnswerAnUnknownCostWithoutFailingThePage() {
    // These programs charge in USD only: in EUR their cost is unknown, which is an answer, not an
    // error.
    JsonPath response =
        query(
            """
        { programs(filter: {providers: ["cxpa", "hdi"]}) {
            edges { node { slug costOfOwnership(currency: "EUR") { complete total { min } } } } } }
        """); // query() fails on any error in the answer
    assertThat(response.getList("data.programs.edges.node.slug")).hasSize(4);
    assertThat(response.getList("data.programs.edges.node.costOfOwnership.complete"))
        .containsOnly(false);
    assertThat(response.getList("data.programs.edges.node.costOfOwnership.total"))
        .containsOnlyNulls();
  }

  @Test
  void shouldRefuseACursorOfAnotherQuery() {
    String cursor =
        query("{ programs(first: 2) { pageInfo { endCursor } } }")
            .getString("data.programs.pageInfo.endCursor");
    JsonPath response =
        failing(
            """
        query Next($after: String) { programs(first: 2, after: $after, orderBy: {field: EXAM_MINUTES}) { totalCount } }
        """,
            vars("after", cursor));
    assertThat(codes(response)).containsExactly("BAD_USER_INPUT");
    assertThat(response.getString("errors[0].message")).contains("different filter or sort");
  }

  @Test
  void shouldNameEveryInvalidFieldOfAProfile() {
    JsonPath response =
        failing("{ eligibility(profile: {age: -1, experienceMonths: 5000}) { totalCount } }");
    assertThat(codes(response)).containsExactly("BAD_USER_INPUT");
    assertThat(response.getList("errors[0].extensions.fields.field"))
        .containsExactly("age", "experienceMonths");
  }

  @Test
  void shouldAnswerVariablesOfTheWrongTypeAsBadUserInput() {
    JsonPath response =
        failing(
            "query Page($first: Int) { programs(first: $first) { totalCount } }",
            vars("first", "twenty"));
    assertThat(codes(response)).containsExactly("BAD_USER_INPUT");
    assertThat(response.getString("errors[0].message")).contains("'first'", "Int");
    assertThat(response.getString("errors[0].extensions.field")).isEqualTo("first");
  }

  @Test
  void shouldPointAtTheSyntaxError() {
    JsonPath response = failing("{ program(slug: \"ccxp\") { slug }");
    assertThat(codes(response)).containsExactly("GRAPHQL_PARSE_FAILED");
    assertThat(response.getInt("errors[0].locations[0].line")).isEqualTo(1);
  }

  @Test
  void shouldAnswerARequestWithoutADocumentWith400() {
    given()
        .contentType(ContentType.JSON)
        .body("{not json")
        .post("/graphql")
        .then()
        .statusCode(400)
        .contentType(ContentType.JSON);
    Response noQuery =
        given().contentType(ContentType.JSON).body("{\"variables\": {}}").post("/graphql");
    noQuery.then().statusCode(400);
    assertThat(noQuery.jsonPath().getList("errors.extensions.code"))
        .containsExactly("BAD_USER_INPUT");
    assertThat(noQuery.jsonPath().getString("errors[0].message")).contains("query");
  }

  @Test
  void shouldNeverRevealClassNamesOrStackTraces() {
    List<String> documents =
        List.of(
            "{ program(slug: \"no-such-program\") { slug } }",
            "{ programs(after: \"bm90LWEtY3Vyc29y\") { totalCount } }",
            "{ costOfOwnership(program: \"ccxp\", asOf: \"2024-13-45\") { total { min } } }",
            "{ program(slug: \"ccxp\") { prices(asOf: \"yesterday\") { id } } }",
            "{ programs(filter: {priceMin: 1e40}) { totalCount } }",
            "{ programs(filter: {levels: [GURU]}) { totalCount } }",
            "{ program(slug: \"ccxp\" { slug } }",
            "mutation { createProvider(input: {slug: \"x\", name: \"X\", kind: UNIVERSITY}) { slug } }");
    for (String document : documents) {
      String body = GraphqlClient.send(null, document, null).then().extract().asString();
      assertThat(body)
          .as(document)
          .contains("\"code\"")
          .doesNotContain(
              "Exception",
              "java.",
              "jakarta.",
              "io.smallrye",
              "io.quarkus",
              "org.hibernate",
              "com.credentialcatalog",
              "\tat ",
              "classification");
    }
  }
}
