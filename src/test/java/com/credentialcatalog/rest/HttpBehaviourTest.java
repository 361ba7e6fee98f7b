package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Conditional GET, caching headers and protocol-level errors. */
@QuarkusTest
class HttpBehaviourTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void shouldAnswerIfNoneMatchWith304UntilTheCatalogChanges() throws Exception {
    String url = "/api/v1/programs?provider=hdi&facets=level";
    String etag =
        given()
            .get(url)
            .then()
            .statusCode(200)
            .header("ETag", startsWith("W/\"r"))
            .header("Cache-Control", containsString("no-cache"))
            .extract()
            .header("ETag");

    given()
        .header("If-None-Match", etag)
        .get(url)
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
    // Another request has another tag.
    assertThat(given().get(url + "&limit=5").header("ETag")).isNotEqualTo(etag);

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into change_event (entity_type, slug, operation, actor)"
              + " values ('program', 'ccxp', 'UPDATE', 'test')");
    }
    given()
        .header("If-None-Match", etag)
        .get(url)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(etag)));
  }

  @Test
  void shouldTagEveryReadIncludingDetailAndComputedAnswers() {
    for (String url :
        new String[] {
          "/api/v1/programs/ccxp",
          "/api/v1/providers",
          "/api/v1/providers/hdi",
          "/api/v1/programs/ccxp/cost",
          "/api/v1/compare?programs=ccxp,copc-certification",
          "/api/v1/programs/ccxp/prices"
        }) {
      String etag =
          given()
              .get(url)
              .then()
              .statusCode(200)
              .header("ETag", notNullValue())
              .extract()
              .header("ETag");
      given().header("If-None-Match", etag).get(url).then().statusCode(304);
    }
  }

  @Test
  void shouldAnswerProtocolErrorsWithProblemDetails() {
    given()
        .delete("/api/v1/compare")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405));
    given()
        .contentType("text/plain")
        .body("age=3")
        .post("/api/v1/eligibility")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given()
        .header("Accept", "application/xml")
        .get("/api/v1/providers")
        .then()
        .statusCode(406)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseAnOversizedBodyWithAProblem() {
    String huge = "{\"credentialsHeld\": [\"" + "x".repeat(2 * 1024 * 1024) + "\"]}";
    given()
        .contentType("application/json")
        .body(huge)
        .post("/api/v1/eligibility")
        .then()
        .statusCode(413);
  }

  @Test
  void shouldRefuseAnHttp11RequestWithoutHostAsAProblemNamingTheHeader() throws Exception {
    try (java.net.Socket socket =
        new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              "GET /api/v1/programs?limit=1 HTTP/1.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(response)
          .startsWith("HTTP/1.1 400")
          .containsIgnoringCase("content-type: application/problem+json")
          .contains("\"field\":\"Host\"")
          .doesNotContain("Internal Server Error");
    }
  }
}
