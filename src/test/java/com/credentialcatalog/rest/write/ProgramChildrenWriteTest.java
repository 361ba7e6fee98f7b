package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Prices, exam formats, the renewal policy and aliases of a program. */
@QuarkusTest
class ProgramChildrenWriteTest {

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  static final String MERGE_PATCH = "application/merge-patch+json";

  private static String program() {
    return createProgram(unique("wprog"), createProvider(unique("wp")));
  }

  @Test
  void shouldCreateReadPatchAndDeleteAPrice() {
    String slug = program();
    Response created = asAdmin().body(PRICE_JSON).post("/api/v1/programs/{slug}/prices", slug);
    created
        .then()
        .statusCode(201)
        .header("ETag", "\"0\"")
        .body("amount.min", equalTo(100.0f))
        .body("currency", equalTo("USD"));
    long id = created.jsonPath().getLong("id");
    created.then().header("Location", endsWith("/api/v1/programs/" + slug + "/prices/" + id));

    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\"0-"))
        .body("validFrom", equalTo("2025-01-01"));
    asAdmin()
        .header("If-Match", "\"0\"")
        .contentType(MERGE_PATCH)
        .body("{\"amountMax\": 180, \"note\": null}")
        .patch("/api/v1/programs/{slug}/prices/{id}", slug, id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("amount.min", equalTo(100.0f))
        .body("amount.max", equalTo(180.0f))
        .body("note", nullValue())
        .body("requiredForAward", equalTo(true));
    asAdmin()
        .header("If-Match", "\"0\"")
        .delete("/api/v1/programs/{slug}/prices/{id}", slug, id)
        .then()
        .statusCode(412);
    asAdmin()
        .header("If-Match", "\"1\"")
        .delete("/api/v1/programs/{slug}/prices/{id}", slug, id)
        .then()
        .statusCode(204);
    given()
        .get("/api/v1/programs/{slug}/prices/{id}", slug, id)
        .then()
        .statusCode(404)
        .body("detail", containsString("has no price"));
  }

  @Test
  void shouldValidatePricesFieldByField() {
    String slug = program();
    asAdmin()
        .body(
            """
        {"feeType": "EXAM", "amountMin": 700, "amountMax": 600, "currency": "usd",
         "validFrom": "2025-06-01", "validTo": "2025-01-01", "note": "%s"}
        """
                .formatted("n".repeat(2001)))
        .post("/api/v1/programs/{slug}/prices", slug)
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("amountMax", "currency", "validTo", "note"))
        .body("errors.find { it.field == 'amountMax' }.message", containsString("amountMin"));
    asAdmin()
        .body(
            "{\"feeType\": \"EXAM\", \"amountMin\": -1, \"amountMax\": 10.555, \"currency\": \"USD\"}")
        .post("/api/v1/programs/{slug}/prices", slug)
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("amountMin", "amountMax"));
    asAdmin()
        .body("{\"feeType\": \"BRIBE\", \"amountMin\": 1, \"amountMax\": 2, \"currency\": \"USD\"}")
        .post("/api/v1/programs/{slug}/prices", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("feeType"));
    asAdmin()
        .body(PRICE_JSON)
        .post("/api/v1/programs/{slug}/prices", "no-such-program")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldCreatePatchAndValidateExamFormats() {
    String slug = program();
    Response created = asAdmin().body(EXAM_JSON).post("/api/v1/programs/{slug}/exams", slug);
    created
        .then()
        .statusCode(201)
        .header("ETag", "\"0\"")
        .body("durationMinutes.min", equalTo(60))
        .body("itemMix.scenario.max", equalTo(40))
        .body("testVendors[0].slug", equalTo("pearson-vue"));
    long id = created.jsonPath().getLong("id");
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\"0-"))
        .body("id", equalTo((int) id));

    asAdmin()
        .header("If-Match", "\"0\"")
        .contentType(MERGE_PATCH)
        .body("{\"testVendors\": [\"prometric\", \"pearson-vue\"], \"name\": null}")
        .patch("/api/v1/programs/{slug}/exams/{id}", slug, id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("testVendors.slug", hasItems("prometric", "pearson-vue"))
        .body("name", nullValue())
        .body("durationMinutes.max", equalTo(90));

    asAdmin()
        .body(
            """
        {"multipleChoicePctMin": 70, "multipleChoicePctMax": 80, "scenarioPctMin": 40, "scenarioPctMax": 120,
         "passingScoreMin": 101, "passingScoreScale": "PERCENT", "durationMinutesMin": 0}
        """)
        .post("/api/v1/programs/{slug}/exams", slug)
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            hasItems(
                "multipleChoicePctMin",
                "scenarioPctMin",
                "scenarioPctMax",
                "passingScoreMin",
                "durationMinutesMin"))
        .body("detail", containsString("110%"));
    asAdmin()
        .body("{\"testVendors\": [\"no-such-vendor\"]}")
        .post("/api/v1/programs/{slug}/exams", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("testVendors"));
    asAdmin()
        .body("{\"durationMinutesMin\": 90, \"durationMinutesMax\": 60}")
        .post("/api/v1/programs/{slug}/exams", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("durationMinutesMax"));
    asAdmin()
        .header("If-Match", "\"1\"")
        .delete("/api/v1/programs/{slug}/exams/{id}", slug, id)
        .then()
        .statusCode(204);
    given().get("/api/v1/programs/{slug}", slug).then().body("exams", hasSize(0));
  }

  @Test
  void shouldCreateTheRenewalPolicyWithPutThenRequireIfMatch() {
    String slug = program();
    given().get("/api/v1/programs/{slug}/renewal", slug).then().statusCode(404);
    asAdmin()
        .header("If-Match", "\"0\"")
        .body(RENEWAL_JSON)
        .put("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(412);
    asAdmin()
        .body(RENEWAL_JSON)
        .put("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/programs/" + slug + "/renewal"))
        .header("ETag", "\"0\"")
        .body("cycleYears.min", equalTo(3))
        .body("creditUnit", equalTo("CEU"));
    asAdmin()
        .body(RENEWAL_JSON)
        .put("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(428);
    asAdmin()
        .header("If-Match", "\"0\"")
        .body("{\"cycleYearsMin\": 2}")
        .put("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("cycleYears.min", equalTo(2))
        .body("creditUnit", nullValue());
    asAdmin()
        .header("If-Match", "\"1\"")
        .contentType(MERGE_PATCH)
        .body("{\"cycleYearsMax\": 1}")
        .patch("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cycleYearsMax"));
    asAdmin()
        .header("If-Match", "\"1\"")
        .contentType(MERGE_PATCH)
        .body("{\"cycleYearsMax\": 4, \"acceptedRoutes\": [\"RETEST\"]}")
        .patch("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("cycleYears.min", equalTo(2))
        .body("cycleYears.max", equalTo(4))
        .body("acceptedRoutes", hasItems("RETEST"));
    given()
        .get("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\"2-"));
    asAdmin()
        .header("If-Match", "\"2\"")
        .delete("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(204);
    given().get("/api/v1/programs/{slug}/renewal", slug).then().statusCode(404);
  }

  @Test
  void shouldAddListAndRemoveAliasesByNormalizedForm() {
    String slug = program();
    String version = programEtag(slug);
    asAdmin()
        .header("If-Match", version)
        .body("{\"alias\": \"T.E.S.T. Certification®\"}")
        .post("/api/v1/programs/{slug}/aliases", slug)
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .header("Location", containsString("/api/v1/programs/" + slug + "/aliases/"))
        .body("alias", equalTo("T.E.S.T. Certification®"))
        .body("normalized", equalTo("test"));
    asAdmin()
        .body("{\"alias\": \"test\"}")
        .post("/api/v1/programs/{slug}/aliases", slug)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("T.E.S.T."));
    asAdmin()
        .body("{\"alias\": \"®\"}")
        .post("/api/v1/programs/{slug}/aliases", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("alias"));
    asAdmin()
        .body("{\"alias\": \" \"}")
        .post("/api/v1/programs/{slug}/aliases", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("alias"));
    asAdmin()
        .header("If-Match", version)
        .body("{\"alias\": \"Other\"}")
        .post("/api/v1/programs/{slug}/aliases", slug)
        .then()
        .statusCode(412);

    given()
        .get("/api/v1/programs/{slug}/aliases", slug)
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\"1-"))
        .body("alias", hasItems("T.E.S.T. Certification®"));
    given()
        .get("/api/v1/programs/{slug}/aliases/{alias}", slug, "TEST")
        .then()
        .statusCode(200)
        .body("alias", equalTo("T.E.S.T. Certification®"));
    given()
        .get("/api/v1/programs/{slug}", slug)
        .then()
        .body("aliases", hasItems("T.E.S.T. Certification®"));

    asAdmin()
        .delete("/api/v1/programs/{slug}/aliases/{alias}", slug, "test")
        .then()
        .statusCode(428);
    asAdmin()
        .header("If-Match", "\"1\"")
        .delete("/api/v1/programs/{slug}/aliases/{alias}", slug, "nothing")
        .then()
        .statusCode(404);
    asAdmin()
        .header("If-Match", "\"1\"")
        .delete("/api/v1/programs/{slug}/aliases/{alias}", slug, "test")
        .then()
        .statusCode(204);
    given()
        .get("/api/v1/programs/{slug}/aliases", slug)
        .then()
        .header("ETag", startsWith("\"2-"))
        .body("$", hasSize(0));
  }

  @Test
  void shouldNameTheFieldsOfAnInvalidMergeResult() {
    String slug = program();
    long id = createPrice(slug);
    asAdmin()
        .header("If-Match", "\"0\"")
        .contentType(MERGE_PATCH)
        .body("{\"amountMin\": 500, \"currency\": \"dollars\"}")
        .patch("/api/v1/programs/{slug}/prices/{id}", slug, id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("amountMax", "currency"));
    asAdmin()
        .header("If-Match", "\"0\"")
        .contentType(MERGE_PATCH)
        .body("{\"amountMin\": \"lots\"}")
        .patch("/api/v1/programs/{slug}/prices/{id}", slug, id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("amountMin"));
    given()
        .get("/api/v1/programs/{slug}/prices/{id}", slug, id)
        .then()
        .header("ETag", startsWith("\"0-"));
  }
}
