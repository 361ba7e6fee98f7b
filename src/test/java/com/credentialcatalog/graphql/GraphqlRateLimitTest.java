package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One rate limiter for REST and GraphQL: a client that spent its budget on REST is refused on
 * GraphQL too (429, RATE_LIMITED, Retry-After), and a heavy GraphQL document costs more of the
 * budget than a light one. Each test is its own client (a token subject), so that they do not share
 * a bucket.
 */
@QuarkusTest
@TestProfile(GraphqlRateLimitTest.ThirtyPerMinute.class)
class GraphqlRateLimitTest {

  public static class ThirtyPerMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "catalog.rate-limit.enabled",
          "true",
          "catalog.rate-limit.requests-per-minute",
          "30",
          "catalog.rate-limit.graphql-fields-per-request",
          "10");
    }
  }

  private static final Pattern REMAINING = Pattern.compile("r=(\\d+)");

  @Test
  void shouldRefuseGraphqlOnceTheClientSpentItsBudgetOnRest() {
    String token = DevTokens.admin();
    Response last = null;
    for (int i = 0; i < 40; i++) {
      last = given().auth().oauth2(token).get("/api/v1/providers");
      if (last.statusCode() == 429) {
        break;
      }
    }
    assertThat(last.statusCode()).as("REST after 40 requests at 30 a minute").isEqualTo(429);
    last.then().contentType("application/problem+json").header("Retry-After", notNullValue());

    Response graphql = GraphqlClient.send(token, "{ __typename }", Map.of());
    graphql
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .contentType("application/json");
    assertThat(graphql.jsonPath().getList("errors.extensions.code"))
        .containsExactly("RATE_LIMITED");
    assertThat(graphql.jsonPath().getString("errors[0].message")).contains("Rate limit of 30");
    // Another client still has its budget.
    GraphqlClient.send(DevTokens.recognitionWriter(), "{ __typename }", Map.of())
        .then()
        .statusCode(200);
  }

  @Test
  void shouldChargeAHeavyDocumentMoreOfTheBudgetThanALightOne() {
    String token = DevTokens.editorOf("cxpa");
    long start = remaining(GraphqlClient.send(token, "{ __typename }", Map.of()));
    long afterLight = remaining(GraphqlClient.send(token, "{ __typename }", Map.of()));
    // 1 + 199 fields: 20 requests' worth at 10 fields a request.
    String heavy = "{ program(slug: \"ccxp\") {" + " slug".repeat(199) + " } }";
    long afterHeavy = remaining(GraphqlClient.send(token, heavy, Map.of()));
    long light = start - afterLight;
    long heavyCost = afterLight - afterHeavy;
    assertThat(light).as("a light document's price").isBetween(0L, 1L);
    assertThat(heavyCost).as("a 200-field document's price").isBetween(18L, 20L);
  }

  @Test
  void shouldChargeAGetThatGraphqlJavaAnswersOnce() {
    String token = null; // the address's bucket: the other tests spend their roles' buckets
    // providers is not a direct read: a GET is rerouted to SmallRye as a POST, and must not pay
    // for both passes. Six of each, every document a new one (nothing answered from the cache);
    // the bucket refills as they run, alike for both.
    long start = remaining(GraphqlClient.send(token, providers(0), Map.of()));
    for (int i = 1; i <= 6; i++) {
      GraphqlClient.send(token, providers(i), Map.of()).then().statusCode(200);
    }
    long afterPosts = remaining(GraphqlClient.send(token, providers(7), Map.of()));
    for (int i = 8; i <= 13; i++) {
      get(token, providers(i)).then().statusCode(200);
    }
    long afterGets = remaining(get(token, providers(14)));
    assertThat(afterPosts - afterGets)
        .as("six GETs' price against six POSTs' (%d)", start - afterPosts)
        .isLessThanOrEqualTo(start - afterPosts + 2);
  }

  private static String providers(int first) {
    return "{ providers(first: " + (first + 1) + ") { edges { node { slug } } } }";
  }

  private static Response get(String token, String query) {
    var spec = given().queryParam("query", query);
    return (token == null ? spec : spec.auth().oauth2(token)).get("/graphql");
  }

  private static long remaining(Response response) {
    response.then().statusCode(200);
    String header = response.header("RateLimit");
    assertThat(header).isNotNull();
    Matcher m = REMAINING.matcher(header);
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
