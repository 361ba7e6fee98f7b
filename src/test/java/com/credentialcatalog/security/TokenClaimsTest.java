package com.credentialcatalog.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Signed tokens whose claims do not have the documented shape are refused like forged ones (401),
 * before they can write anything (issue 9, item 4).
 */
@QuarkusTest
class TokenClaimsTest {

  // A lookup batch with no valid item: the call is harmless, only who may make it is under test.
  private static final String EMPTY_REJECTED_BATCH =
      """
      {"observations": [{"program": "no-such-program-token-test", "kind": "JOB_POSTING_MENTIONS",
        "sourceName": "t", "region": "US", "periodStart": "2024-01-01", "periodEnd": "2024-01-31",
        "requirementLevel": "PREFERRED"}]}""";

  private static String claims(String groups, String providers, long issuedAt) {
    long now = Instant.now().getEpochSecond();
    return """
        {"iss": "%s", "sub": "claims-test", "upn": "claims-test", "groups": %s, "providers": %s,
         "iat": %d, "exp": %d}"""
        .formatted(DevTokens.ISSUER, groups, providers, issuedAt, now + 3600);
  }

  private static int submitWith(String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(EMPTY_REJECTED_BATCH)
        .post("/api/v1/recognition/observations")
        .statusCode();
  }

  @Test
  void shouldAcceptWellFormedClaims() {
    long now = Instant.now().getEpochSecond();
    given()
        .auth()
        .oauth2(DevTokens.signedClaims(claims("[\"recognition-writer\"]", "[]", now)))
        .contentType("application/json")
        .body(EMPTY_REJECTED_BATCH)
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(200)
        .body("rejected", equalTo(1));
  }

  @Test
  void shouldRefuseGroupsGivenAsAString() {
    long now = Instant.now().getEpochSecond();
    given()
        .auth()
        .oauth2(DevTokens.signedClaims(claims("\"recognition-writer\"", "[]", now)))
        .contentType("application/json")
        .body(EMPTY_REJECTED_BATCH)
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void shouldRefuseProvidersThatAreNotAnArrayOfSlugs() {
    long now = Instant.now().getEpochSecond();
    for (String providers : new String[] {"\"cxpa\"", "{\"cxpa\": true}", "[1, 2]"}) {
      org.assertj.core.api.Assertions.assertThat(
              submitWith(DevTokens.signedClaims(claims("[\"catalog-admin\"]", providers, now))))
          .as("providers = %s", providers)
          .isEqualTo(401);
    }
  }

  @Test
  void shouldRefuseATokenIssuedInTheFuture() {
    long inAnHour = Instant.now().getEpochSecond() + 3600;
    given()
        .auth()
        .oauth2(DevTokens.signedClaims(claims("[\"recognition-writer\"]", "[]", inAnHour)))
        .contentType("application/json")
        .body(EMPTY_REJECTED_BATCH)
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    // Within the clock skew an issuer's clock may be a little ahead of ours.
    long slightlyAhead = Instant.now().getEpochSecond() + 20;
    org.assertj.core.api.Assertions.assertThat(
            submitWith(
                DevTokens.signedClaims(claims("[\"recognition-writer\"]", "[]", slightlyAhead))))
        .isEqualTo(200);
  }
}
