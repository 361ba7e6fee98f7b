package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** POST /api/v1/eligibility: who can sit what now, and exactly what the others miss. */
@QuarkusTest
class EligibilityTest {

  private static io.restassured.response.ValidatableResponse check(String profile, String query) {
    return given()
        .contentType("application/json")
        .body(profile)
        .post("/api/v1/eligibility" + query)
        .then();
  }

  @Test
  void shouldFindTheCustomerServiceProfessionalOpenToAnAdultNewcomer() {
    check(
            "{\"age\": 19, \"experienceMonths\": 0, \"courseHours\": 0, \"supervisoryExperience\": false}",
            "?provider=&q=customer service professional")
        .statusCode(200)
        .body(
            "items.find { it.program == 'certified-customer-service-professional' }.status",
            equalTo("ELIGIBLE"))
        .body(
            "items.find { it.program == 'certified-customer-service-professional' }.eligibleVia",
            equalTo("Associate track"));
  }

  @Test
  void shouldNameTheMissingConditionsWithTheirGap() {
    check("{\"age\": 17, \"experienceMonths\": 2}", "?q=CCSP&type=CERTIFICATION")
        .statusCode(200)
        .body(
            "items.find { it.program == 'certified-customer-service-professional' }.status",
            equalTo("NOT_ELIGIBLE"))
        .body(
            "items.find { it.program == 'certified-customer-service-professional' }.routes.find { it.route == 'Customer-facing experience' }.missing.gap",
            hasItem("1 more years of age"))
        .body(
            "items.find { it.program == 'certified-customer-service-professional' }.routes.find { it.route == 'Customer-facing experience' }.missing.gap",
            hasItem(containsString("4 more months of experience (some providers ask 12)")));
  }

  @Test
  void shouldMissTheCcxpExperienceBarBy12Months() {
    check("{\"age\": 30, \"experienceMonths\": 24}", "?provider=cxpa")
        .statusCode(200)
        .body("totalCount", equalTo(1))
        .body("items[0].status", equalTo("NOT_ELIGIBLE"))
        .body("items[0].routes[0].missing[0].gap", equalTo("12 more months of experience"));
    check("{\"experienceMonths\": 40}", "?provider=cxpa")
        .body("items[0].status", equalTo("ELIGIBLE"));
  }

  @Test
  void shouldAnswerUnknownWhenTheSourcesDoNotSayHowMuch() {
    check("{\"age\": 30, \"experienceMonths\": 60}", "?provider=isc2")
        .statusCode(200)
        .body("items[0].status", equalTo("UNKNOWN"))
        .body(
            "items[0].routes[0].alsoRequired.description",
            hasItem("Agree to the (ISC)² code of ethics"));
    check("{}", "?provider=copc").body("items[0].status", equalTo("UNKNOWN"));
  }

  @Test
  void shouldRefuseAnInvalidProfileNamingTheField() {
    check("{\"age\": -3}", "")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("age"));
    check("{\"age\": \"old\"}", "").statusCode(400).body("errors[0].field", equalTo("age"));
    check("{\"age\": ", "").statusCode(400).body("type", equalTo("/problems/malformed-body"));
    check("{\"shoeSize\": 44}", "").statusCode(400).body("detail", containsString("shoeSize"));
  }
}
