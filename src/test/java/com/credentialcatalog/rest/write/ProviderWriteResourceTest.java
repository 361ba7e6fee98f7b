package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Creating, replacing, patching and deleting providers. */
@QuarkusTest
class ProviderWriteResourceTest {

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  @Test
  void shouldCreateWith201LocationAndEtag() {
    String slug = unique("wp");
    String location =
        asAdmin()
            .body(providerJson(slug))
            .post("/api/v1/providers")
            .then()
            .statusCode(201)
            .header("Location", endsWith("/api/v1/providers/" + slug))
            .header("ETag", equalTo("\"0\""))
            .body("slug", equalTo(slug))
            .body("kind", equalTo("TRAINING_VENDOR"))
            .body("programCount", equalTo(0))
            .extract()
            .header("Location");
    given().get(location).then().statusCode(200).body("country", equalTo("US"));
  }

  @Test
  void shouldNameEachInvalidFieldWith400() {
    asAdmin()
        .body(
            """
        {"slug": "-bad-", "name": "", "kind": "TRAINING_VENDOR", "website": "acme.example", "country": "USA",
         "description": "%s"}
        """
                .formatted("x".repeat(5001)))
        .post("/api/v1/providers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("slug", "name", "website", "country", "description"));
    asAdmin()
        .body("{\"slug\": \"" + unique("wp") + "\", \"name\": \"x\", \"kind\": \"BANK\"}")
        .post("/api/v1/providers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"))
        .body("detail", containsString("TRAINING_VENDOR"));
    asAdmin()
        .body("{\"slug\": \"" + unique("wp") + "\", \"name\": \"x\"}")
        .post("/api/v1/providers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    asAdmin()
        .body("{\"name\": \"x\", \"kind\": \"UNIVERSITY\"}")
        .post("/api/v1/providers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void shouldAnswerTakenSlugWith409() {
    asAdmin()
        .body(providerJson("cxpa"))
        .post("/api/v1/providers")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/conflict"));
  }

  @Test
  void shouldReplaceEveryFieldOnPutAndKeepOthersOnPatch() {
    String slug = createProvider(unique("wp"));
    asAdmin()
        .header("If-Match", "\"0\"")
        .body("{\"name\": \"Replaced\", \"kind\": \"UNIVERSITY\"}")
        .put("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("name", equalTo("Replaced"))
        .body("website", nullValue())
        .body("country", nullValue());
    asAdmin()
        .header("If-Match", "\"1\"")
        .contentType("application/merge-patch+json")
        .body("{\"country\": \"GB\"}")
        .patch("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("name", equalTo("Replaced"))
        .body("kind", equalTo("UNIVERSITY"))
        .body("country", equalTo("GB"));
    asAdmin()
        .header("If-Match", "\"1\"")
        .contentType("application/merge-patch+json")
        .body("{\"country\": \"FR\"}")
        .patch("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(412);
    asAdmin()
        .contentType("application/merge-patch+json")
        .body("{\"country\": \"FR\"}")
        .patch("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(428);
    asAdmin()
        .header("If-Match", "\"2\"")
        .body("{\"slug\": \"other\", \"name\": \"x\", \"kind\": \"UNIVERSITY\"}")
        .put("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void shouldRefuseToDeleteAProviderThatStillOwnsProgramsOrDeliversExams() {
    String owner = createProvider(unique("wp"));
    String program = createProgram(unique("wprog"), owner);
    asAdmin()
        .header("If-Match", providerEtag(owner))
        .delete("/api/v1/providers/{slug}", owner)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("1 program"));

    String vendor = createProvider(unique("wp-vendor"));
    asAdmin()
        .body(EXAM_JSON.replace("pearson-vue", vendor))
        .post("/api/v1/programs/{slug}/exams", program)
        .then()
        .statusCode(201)
        .body("testVendors[0].slug", equalTo(vendor));
    asAdmin()
        .header("If-Match", providerEtag(vendor))
        .delete("/api/v1/providers/{slug}", vendor)
        .then()
        .statusCode(409)
        .body("detail", containsString("test vendor"));

    asAdmin()
        .header("If-Match", programEtag(program))
        .delete("/api/v1/programs/{slug}", program)
        .then()
        .statusCode(204);
    asAdmin()
        .header("If-Match", providerEtag(owner))
        .delete("/api/v1/providers/{slug}", owner)
        .then()
        .statusCode(204);
    asAdmin()
        .header("If-Match", providerEtag(vendor))
        .delete("/api/v1/providers/{slug}", vendor)
        .then()
        .statusCode(204);
    given().get("/api/v1/providers/{slug}", owner).then().statusCode(404);
  }

  @Test
  void shouldAnswer404ForAnUnknownProvider() {
    asAdmin()
        .header("If-Match", "\"0\"")
        .body("{\"name\": \"x\", \"kind\": \"UNIVERSITY\"}")
        .put("/api/v1/providers/{slug}", "no-such-provider")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
