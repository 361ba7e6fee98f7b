package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The response cache serves the bytes the first answer sent: a repeated read answers the same body,
 * type, Link and ETag, whether it is a list, a detail or a JSON-LD document.
 */
@QuarkusTest
class ResponseCacheTest {

  @Test
  void shouldAnswerARepeatedReadExactlyAsTheFirst() {
    for (String path :
        new String[] {
          "/api/v1/programs?provider=hdi&limit=1&sort=name",
          "/api/v1/programs/ccxp",
          "/api/v1/providers/cxpa",
          "/api/v1/programs?facets=level,provider&limit=2"
        }) {
      Response first = given().get(path);
      Response again = given().get(path);
      assertThat(first.statusCode()).as(path).isEqualTo(200);
      assertThat(again.statusCode()).as(path).isEqualTo(200);
      assertThat(again.asString()).as("body of %s", path).isEqualTo(first.asString());
      assertThat(again.contentType()).as("type of %s", path).startsWith("application/json");
      assertThat(again.header("ETag")).as("ETag of %s", path).isEqualTo(first.header("ETag"));
      assertThat(again.header("Link")).as("Link of %s", path).isEqualTo(first.header("Link"));
    }
    Response ld = given().accept("application/ld+json").get("/api/v1/programs/ccxp");
    Response ldAgain = given().accept("application/ld+json").get("/api/v1/programs/ccxp");
    assertThat(ldAgain.asString()).isEqualTo(ld.asString());
    assertThat(ldAgain.contentType()).startsWith("application/ld+json");
  }
}
