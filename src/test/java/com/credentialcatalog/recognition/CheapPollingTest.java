package com.credentialcatalog.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Polling with Last-Modified / If-Modified-Since as well as ETag / If-None-Match. */
@QuarkusTest
class CheapPollingTest {

  @Test
  void shouldAnswerIfModifiedSinceWith304WhileNothingChanged() {
    String lastModified =
        given()
            .get("/api/v1/changes?limit=5")
            .then()
            .statusCode(200)
            .header("Last-Modified", notNullValue())
            .extract()
            .header("Last-Modified");
    given()
        .header("If-Modified-Since", lastModified)
        .get("/api/v1/changes?limit=5")
        .then()
        .statusCode(304);
    given()
        .header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
        .get("/api/v1/changes?limit=5")
        .then()
        .statusCode(200);
    given()
        .header("If-Modified-Since", "yesterday-ish")
        .get("/api/v1/changes?limit=5")
        .then()
        .statusCode(200);
  }
}
