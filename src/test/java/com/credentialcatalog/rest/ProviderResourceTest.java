package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProviderResourceTest {

  @Test
  void shouldListSeededProvidersIncludingTestVendors() {
    given()
        .when()
        .get("/api/v1/providers")
        .then()
        .statusCode(200)
        .body(
            "items.slug",
            hasItems("cxpa", "hdi", "icmi", "ecornell", "copc", "isc2", "pearson-vue", "prometric"))
        .body("items.find { it.slug == 'pearson-vue' }.kind", equalTo("TEST_VENDOR"))
        .body("items.find { it.slug == 'hdi' }.programCount", greaterThanOrEqualTo(3));
  }

  @Test
  void shouldServeOneProviderWithItsSource() {
    given()
        .when()
        .get("/api/v1/providers/cxpa")
        .then()
        .statusCode(200)
        .body("name", equalTo("Customer Experience Professionals Association"))
        .body("website", equalTo("https://cxpa.org"))
        .body("source.slug", equalTo("guide-cx-certifications-cxpa"));
  }

  @Test
  void shouldAnswerUnknownProviderWith404Problem() {
    given()
        .when()
        .get("/api/v1/providers/nobody")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void shouldReportDatabaseReadiness() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
  }
}
