package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramResourceTest {

  @Test
  void shouldServeCcxpWithItsExamPriceRangeAndSource() {
    given()
        .when()
        .get("/api/v1/programs/ccxp")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("name", equalTo("Certified Customer Experience Professional"))
        .body("provider.slug", equalTo("cxpa"))
        .body("exams[0].durationMinutes.min", equalTo(120))
        .body("prices.find { it.feeType == 'EXAM' }.amount.min", equalTo(450.0f))
        .body("prices.find { it.feeType == 'EXAM' }.amount.max", equalTo(650.0f))
        .body("prices.find { it.feeType == 'EXAM' }.currency", equalTo("USD"))
        .body("prices.find { it.feeType == 'EXAM' }.validFrom", equalTo("2024-01-01"))
        .body(
            "prices.find { it.feeType == 'EXAM' }.source", equalTo("guide-cx-certifications-cxpa"))
        .body("sources.find { it.slug == 'guide-cx-certifications-cxpa' }.asOfYear", equalTo(2024))
        .body(
            "sources.find { it.slug == 'guide-cx-certifications-cxpa' }.url",
            equalTo("https://cxpa.org"));
  }

  @Test
  void shouldKeepUnknownFactsNullInsteadOfGuessing() {
    given()
        .when()
        .get("/api/v1/programs/ccxp")
        .then()
        .statusCode(200)
        .body("renewal", nullValue())
        .body("exams[0].questionCount", nullValue())
        .body("exams[0].passingScore", nullValue())
        .body("studyHours", nullValue());
  }

  @Test
  void shouldListEveryKindOfFactForTheCustomerServiceProfessional() {
    given()
        .when()
        .get("/api/v1/programs/certified-customer-service-professional")
        .then()
        .statusCode(200)
        .body("aliases", hasItem("CCSP"))
        .body("renewal.cycleYears.min", equalTo(2))
        .body("renewal.fees[0].amount.min", equalTo(99.0f))
        .body("eligibility.name", hasItem("Foundational course"))
        .body("exams[0].testVendors.slug", containsInAnyOrder("pearson-vue", "prometric"))
        .body("outcomes.metric", hasItem("CSAT"))
        .body("sources.slug", hasItem("guide-ccsp-costs-2024"));
  }

  @Test
  void shouldListEachChildOnceEvenWhenItHasSeveralRowsOfItsOwn() {
    // The CCSP exam has two test vendors and its routes several conditions each.
    given()
        .when()
        .get("/api/v1/programs/certified-customer-service-professional")
        .then()
        .statusCode(200)
        .body("exams.size()", equalTo(1))
        .body("eligibility.size()", equalTo(4))
        .body("eligibility[0].conditions.size()", equalTo(2))
        .body("eligibility[3].conditions.size()", equalTo(3));
  }

  @Test
  void shouldAnswerUnknownSlugWithProblemDetails() {
    given()
        .when()
        .get("/api/v1/programs/no-such-program")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("status", equalTo(404))
        .body("detail", containsString("no-such-program"))
        .body("instance", equalTo("/api/v1/programs/no-such-program"));
  }

  @Test
  void shouldAnswerUnknownPathWithProblemDetailsAndNoInternals() {
    given()
        .when()
        .get("/api/v1/nowhere")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("title", equalTo("Not Found"))
        .body(not(containsString("Exception")));
  }
}
