package com.credentialcatalog.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-client rate limits: 429 with Retry-After and RateLimit headers; 304s for cheap polling. */
@QuarkusTest
@TestProfile(RateLimitTest.FivePerMinute.class)
class RateLimitTest {

  public static class FivePerMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "catalog.rate-limit.enabled", "true", "catalog.rate-limit.requests-per-minute", "5");
    }
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceAClientSpendsItsBudget() {
    for (int i = 0; i < 5; i++) {
      given()
          .get("/api/v1/providers")
          .then()
          .statusCode(200)
          .header("RateLimit-Policy", equalTo("\"per-client\";q=5;w=60"))
          .header("RateLimit", containsString("r=" + (4 - i)));
    }
    given()
        .get("/api/v1/providers")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .header("RateLimit", containsString("r=0"))
        .body("type", equalTo("/problems/rate-limited"));
    // Another client (identified by its verified token) has its own budget.
    given()
        .auth()
        .oauth2(DevTokens.recognitionWriter())
        .get("/api/v1/providers")
        .then()
        .statusCode(200);
  }
}
