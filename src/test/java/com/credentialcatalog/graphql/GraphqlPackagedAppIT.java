package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.codes;
import static com.credentialcatalog.graphql.GraphqlClient.failing;
import static com.credentialcatalog.graphql.GraphqlClient.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The GraphQL endpoint of the packaged app in the prod profile: nested data, bounds and error codes
 * work as in the tests, GraphiQL is served, and no browser origin is allowed until the deployment
 * configures one.
 */
@QuarkusIntegrationTest
class GraphqlPackagedAppIT {

  @Test
  void shouldAnswerNestedDataInOneRoundTrip() {
    JsonPath response =
        query(
            """
        { programs(filter: {providers: ["hdi"]}, first: 2) {
            totalCount edges { node { slug provider { slug } exams { name } prices(feeType: [EXAM]) { feeType }
              costOfOwnership { complete } sources { slug } } } } }
        """);
    assertThat(response.getList("errors")).isNull();
    assertThat(response.getInt("data.programs.totalCount")).isEqualTo(3);
    assertThat(response.getList("data.programs.edges.node.provider.slug")).containsOnly("hdi");
  }

  @Test
  void shouldKeepItsBoundsAndErrorCodes() {
    String deep =
        "{ program(slug: \"ccxp\") { "
            + "supersededBy { ".repeat(50)
            + "slug"
            + " }".repeat(50)
            + " } }";
    assertThat(codes(failing(deep))).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(codes(failing("{ program(slug: \"ccxp\" { slug } }")))
        .containsExactly("GRAPHQL_PARSE_FAILED");
    assertThat(codes(failing("{ program(slug: \"no-such-program\") { slug } }")))
        .containsExactly("NOT_FOUND");
  }

  @Test
  void shouldServeGraphiqlAndTheSchema() {
    given().get("/q/graphql-ui/").then().statusCode(200).contentType(containsString("text/html"));
    given()
        .get("/graphql/schema.graphql")
        .then()
        .statusCode(200)
        .body(containsString("type Program {"));
  }

  @Test
  void shouldAllowNoBrowserOriginUntilOneIsConfigured() {
    given()
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "POST")
        .options("/graphql")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
