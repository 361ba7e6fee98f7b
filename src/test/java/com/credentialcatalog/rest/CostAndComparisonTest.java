package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Figures worked out by hand from the guides. The Certified Customer Service Professional: exam
 * 150–375 USD (2024), renewal 99–199 USD every 2–3 years. Over 6 years a non-member renews ⌊6/3⌋ =
 * 2 to ⌊6/2⌋ = 3 times: 198–597 USD, so 348–972 USD in all, 58–162 USD per year.
 */
@QuarkusTest
class CostAndComparisonTest {

  @Test
  void shouldComputeTheCustomerServiceProfessionalOverSixYearsForANonMember() {
    given()
        .get(
            "/api/v1/programs/certified-customer-service-professional/cost?horizonYears=6&audience=NON_MEMBER")
        .then()
        .statusCode(200)
        .body("currency", equalTo("USD"))
        .body("initial.min", equalTo(150.0f))
        .body("initial.max", equalTo(375.0f))
        .body("renewalCount.min", equalTo(2))
        .body("renewalCount.max", equalTo(3))
        .body("renewals.min", equalTo(198.0f))
        .body("renewals.max", equalTo(597.0f))
        .body("total.min", equalTo(348.0f))
        .body("total.max", equalTo(972.0f))
        .body("perYear.min", equalTo(58.0f))
        .body("perYear.max", equalTo(162.0f))
        .body("complete", equalTo(true))
        .body("lineItems.feeType", contains("EXAM", "RENEWAL"))
        .body("assumptions", hasItem(containsString("2–3 years")));
  }

  @Test
  void shouldLeaveOptionalStudyMaterialOutOfTheRequiredCost() {
    // Self-study 149–299, course 399–1,200, bootcamp 350–900 are optional: only the exam counts.
    given()
        .get("/api/v1/programs/certified-customer-service-professional/cost?horizonYears=1")
        .then()
        .statusCode(200)
        .body("total.min", equalTo(150.0f))
        .body("total.max", equalTo(375.0f))
        .body("renewalCount.max", equalTo(0));
  }

  @Test
  void shouldSayWhenRenewalIsUnknownInsteadOfGuessing() {
    given()
        .get("/api/v1/programs/ccxp/cost?horizonYears=5")
        .then()
        .statusCode(200)
        .body("total.min", equalTo(450.0f))
        .body("total.max", equalTo(650.0f))
        .body("renewals", equalTo(null))
        .body("complete", equalTo(false))
        .body("assumptions", hasItem(containsString("No renewal policy is known")));
  }

  @Test
  void shouldUsePricesInForceOnTheAskedDate() {
    // The CCXP price is known as of 2024: in 2023 the catalog knows no price.
    given()
        .get("/api/v1/programs/ccxp/cost?asOf=2023-06-01")
        .then()
        .statusCode(200)
        .body("initial", equalTo(null))
        .body("complete", equalTo(false));
  }

  @Test
  void shouldRefuseBadCostParameters() {
    given()
        .get("/api/v1/programs/ccxp/cost?horizonYears=0")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("horizonYears"));
    given()
        .get("/api/v1/programs/ccxp/cost?audience=STUDENT")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("audience"));
    given()
        .get("/api/v1/programs/ccxp/cost?currency=usd")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("currency"));
    given().get("/api/v1/programs/nope/cost").then().statusCode(404);
  }

  @Test
  void shouldCompareCcxpWithTheCustomerServiceProfessional() {
    given()
        .get(
            "/api/v1/compare?programs=ccxp,certified-customer-service-professional&horizonYears=6&audience=NON_MEMBER")
        .then()
        .statusCode(200)
        .body("programs", contains("ccxp", "certified-customer-service-professional"))
        .body("rows.find { it.attribute == 'examMinutes' }.values", contains("120", "90–120"))
        .body(
            "rows.find { it.attribute == 'costOfOwnership' }.values",
            contains("450–650", "348–972"))
        .body(
            "findings.find { it.measure == 'CHEAPEST_OVER_HORIZON' }.best",
            contains("certified-customer-service-professional"))
        .body("findings.find { it.measure == 'CHEAPEST_OVER_HORIZON' }.value", equalTo(348.0f))
        .body("findings.find { it.measure == 'SHORTEST_EXAM' }.value", equalTo(90))
        .body("differences.find { it.program == 'ccxp' }.costOverHorizon", equalTo(102.0f))
        .body("differences.find { it.program == 'ccxp' }.examMinutes", equalTo(30))
        .body("differences.find { it.program == 'ccxp' }.experienceMonths", equalTo(36))
        .body("costs", hasSize(2));
  }

  @Test
  void shouldBoundTheComparisonTo2To10Programs() {
    given()
        .get("/api/v1/compare?programs=ccxp")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("programs"));
    given().get("/api/v1/compare?programs=a,b,c,d,e,f,g,h,i,j,k").then().statusCode(400);
    given()
        .get("/api/v1/compare?programs=ccxp,nope")
        .then()
        .statusCode(404)
        .body("detail", containsString("nope"));
  }

  @Test
  void shouldListPricesInForceOnADateAndTheWholeHistory() {
    given()
        .get("/api/v1/programs/ccxp/prices?asOf=2023-06-01")
        .then()
        .statusCode(200)
        .body("inForce", hasSize(0))
        .body("history", hasSize(1));
    given()
        .get("/api/v1/programs/ccxp/prices?asOf=2024-06-01")
        .then()
        .statusCode(200)
        .body("inForce[0].amount.min", equalTo(450.0f));
    given().get("/api/v1/programs/ccxp/prices?asOf=June").then().statusCode(400);
  }
}
