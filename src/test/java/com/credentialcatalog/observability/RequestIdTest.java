package com.credentialcatalog.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIdTest {

  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void shouldEchoTheCallersRequestId() {
    given()
        .header("X-Request-Id", "abc-123")
        .get("/api/v1/programs/ccxp")
        .then()
        .statusCode(200)
        .header("X-Request-Id", equalTo("abc-123"));
  }

  @Test
  void shouldGenerateARequestIdWhenNoneIsGiven() {
    String first =
        given()
            .get("/api/v1/programs/ccxp")
            .then()
            .statusCode(200)
            .header("X-Request-Id", matchesPattern(UUID_PATTERN))
            .extract()
            .header("X-Request-Id");
    String second = given().get("/api/v1/programs/ccxp").then().extract().header("X-Request-Id");

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void shouldReplaceARequestIdThatIsNotSafeToLogOrEcho() {
    given()
        .header("X-Request-Id", "x".repeat(65))
        .get("/api/v1/providers")
        .then()
        .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    given()
        .header("X-Request-Id", "abc 123\"}")
        .get("/api/v1/providers")
        .then()
        .header("X-Request-Id", matchesPattern(UUID_PATTERN));
  }

  @Test
  void shouldTagProblemsAndNonRestEndpointsToo() {
    given()
        .header("X-Request-Id", "req.404")
        .get("/api/v1/programs/no-such-program")
        .then()
        .statusCode(404)
        .header("X-Request-Id", equalTo("req.404"));
    given()
        .header("X-Request-Id", "probe_1")
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .header("X-Request-Id", equalTo("probe_1"));
  }

  @Test
  void shouldPutTheRequestIdInTheLoggingContextOfTheRequest() {
    // RequestIdProbe (a test-only resource) answers with the MDC value its worker thread sees.
    given()
        .header("X-Request-Id", "mdc-42")
        .get("/test-support/request-id")
        .then()
        .statusCode(200)
        .body(equalTo("mdc-42"));
    for (int i = 0; i < 3; i++) {
      var response = given().get("/test-support/request-id").then().statusCode(200).extract();
      assertThat(response.asString())
          .as("the MDC holds this request's generated id, not a previous request's")
          .isEqualTo(response.header("X-Request-Id"));
    }
  }
}
