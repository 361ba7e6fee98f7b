package com.credentialcatalog.graphql;

import static com.credentialcatalog.graphql.GraphqlClient.codes;
import static com.credentialcatalog.graphql.GraphqlClient.failing;
import static com.credentialcatalog.graphql.GraphqlClient.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bounds on what a client controls (README "GraphQL (front-end teams)"): depth, complexity, tokens
 * and aliases are refused before anything runs, fast, saying which bound; introspection and
 * GraphiQL stay available; CORS answers the configured front-end origins only.
 */
@QuarkusTest
class GraphqlLimitsTest {

  @Test
  void shouldRefuseA50LevelsDeepQueryFast() {
    String deep =
        "{ program(slug: \"ccxp\") { "
            + "supersededBy { ".repeat(50)
            + "slug"
            + " }".repeat(50)
            + " } }";
    JsonPath response = timed(deep);
    assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(response.getString("errors[0].extensions.limit")).isEqualTo("depth");
    assertThat(response.getInt("errors[0].extensions.maximum")).isEqualTo(20);
    assertThat(response.getString("errors[0].message")).contains("levels deep", "at most 20");
    assertThat((Object) response.get("data")).isNull();
  }

  @Test
  void shouldRefuseA10000AliasQueryFast() {
    StringBuilder document = new StringBuilder("{");
    for (int i = 0; i < 10_000; i++) {
      document.append(" a").append(i).append(": program(slug: \"ccxp\") { slug }");
    }
    JsonPath response = timed(document.append(" }").toString());
    assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(response.getString("errors[0].extensions.limit")).isEqualTo("tokens");
    assertThat(response.getString("errors[0].message")).contains("too many tokens", "5000");
  }

  @Test
  void shouldRefuseMoreThan100Aliases() {
    assertThat(query(aliases(100)).getList("errors")).isNull();
    JsonPath response = failing(aliases(101));
    assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(response.getString("errors[0].extensions.limit")).isEqualTo("aliases");
    assertThat(response.getString("errors[0].message")).contains("more than 100 aliases");
  }

  @Test
  void shouldRefuseMoreThan1000Fields() {
    String wide = "{ program(slug: \"ccxp\") {" + " slug".repeat(1_000) + " } }";
    JsonPath response = failing(wide);
    assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(response.getString("errors[0].extensions.limit")).isEqualTo("complexity");
    assertThat(response.getString("errors[0].message")).contains("1001 fields", "at most 1000");
  }

  @Test
  void shouldAnswerIntrospectionWithinTheBounds() {
    JsonPath response = query(IntrospectionQuery.INTROSPECTION_QUERY);
    assertThat(response.getList("errors")).isNull();
    assertThat(response.getList("data.__schema.types.name"))
        .contains("Program", "ProgramConnection", "Price");
    // GraphiQL's own introspection (graphql-js getIntrospectionQuery, every option on) nests type
    // references 9 levels deep: the depth bound leaves room for it.
    JsonPath graphiql = query(GRAPHIQL_INTROSPECTION);
    assertThat(graphiql.getList("errors")).isNull();
    assertThat(graphiql.getString("data.__schema.queryType.name")).isEqualTo("Query");
  }

  static final String GRAPHIQL_INTROSPECTION =
      """
      query IntrospectionQuery {
        __schema {
          description
          queryType { name } mutationType { name } subscriptionType { name }
          types { ...FullType }
          directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
        }
      }
      fragment FullType on __Type {
        kind name description specifiedByURL
        fields(includeDeprecated: true) {
          name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef }
          isDeprecated deprecationReason
        }
        inputFields(includeDeprecated: true) { ...InputValue }
        interfaces { ...TypeRef }
        enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
        possibleTypes { ...TypeRef }
      }
      fragment InputValue on __InputValue {
        name description type { ...TypeRef } defaultValue isDeprecated deprecationReason
      }
      fragment TypeRef on __Type {
        kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
        ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
      }
      """;

  @Test
  void shouldServeGraphiqlInEveryProfile() {
    given().get("/q/graphql-ui/").then().statusCode(200).contentType(containsString("text/html"));
  }

  @Test
  void shouldServeTheSchemaAsSdl() {
    given()
        .get("/graphql/schema.graphql")
        .then()
        .statusCode(200)
        .body(containsString("type Program {"), containsString("programs("));
  }

  @Test
  void shouldAnswerThePreflightOfAConfiguredFrontEndOrigin() {
    given()
        .header("Origin", "https://careers.example.com")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,authorization")
        .options("/graphql")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("https://careers.example.com"))
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("Authorization"));
    given()
        .header("Origin", "http://localhost:3000")
        .contentType("application/json")
        .body("{\"query\": \"{ program(slug: \\\"ccxp\\\") { slug } }\"}")
        .post("/graphql")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
        .body("data.program.slug", equalTo("ccxp"));
  }

  @Test
  void shouldRefuseThePreflightOfAnyOtherOrigin() {
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/graphql")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  private static String aliases(int count) {
    StringBuilder document = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      document.append(" a").append(i).append(": __typename");
    }
    return document.append(" }").toString();
  }

  /** The refusal, which must come within a second: a bound refuses before anything runs. */
  private static JsonPath timed(String document) {
    query("{ __typename }");
    long start = System.nanoTime();
    JsonPath response = failing(document);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    return response;
  }
}
