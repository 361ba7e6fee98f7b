package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Creating, replacing, patching and deleting programs, with optimistic concurrency. */
@QuarkusTest
class ProgramWriteResourceTest {

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void shouldCreateWith201LocationAndEtagAndServeTheNewProgram() {
    String provider = createProvider(unique("wp"));
    String slug = unique("wprog");
    Response created = asAdmin().body(programJson(slug, provider)).post("/api/v1/programs");
    created
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/programs/" + slug))
        .header("ETag", equalTo("\"0\""))
        .body("slug", equalTo(slug))
        .body("provider.slug", equalTo(provider))
        .body("studyHours.min", equalTo(10))
        .body("competencies", hasItem("CX_STRATEGY"))
        .body("status", equalTo("ACTIVE"))
        .body("version", equalTo(0));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("name", equalTo("Program " + slug));
  }

  @Test
  void shouldAnswer428WithoutIfMatch() {
    String slug = createProgram(unique("wprog"), createProvider(unique("wp")));
    asAdmin()
        .body(programJson(slug, null))
        .put("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/precondition-required"))
        .body("detail", containsString("If-Match"));
    asAdmin()
        .contentType(MERGE_PATCH)
        .body("{}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(428);
    asAdmin().delete("/api/v1/programs/{slug}", slug).then().statusCode(428);
  }

  @Test
  void shouldRejectStaleIfMatchWith412AndChangeNothing() {
    String provider = createProvider(unique("wp"));
    String slug = createProgram(unique("wprog"), provider);
    asAdmin()
        .header("If-Match", "\"0\"")
        .contentType(MERGE_PATCH)
        .body("{\"launchYear\": 2010}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");

    asAdmin()
        .header("If-Match", "\"0\"")
        .contentType(MERGE_PATCH)
        .body("{\"launchYear\": 1999}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/precondition-failed"))
        .body("detail", containsString("version 1"));
    asAdmin()
        .header("If-Match", "*")
        .delete("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(412);
    asAdmin()
        .header("If-Match", "W/\"1\"")
        .body(programJson(slug, provider))
        .put("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200);
    given()
        .get("/api/v1/programs/{slug}", slug)
        .then()
        .body("launchYear", nullValue())
        .body("version", equalTo(2));
  }

  @Test
  void shouldLetExactlyOneOfTwoConcurrentUpdatesWinAndLoseNothing() throws Exception {
    String provider = createProvider(unique("wp"));
    String slug = createProgram(unique("wprog"), provider);
    String etag = programEtag(slug);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Response>> calls = new ArrayList<>();
      for (String who : List.of("first", "second")) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return asAdmin()
                      .header("If-Match", etag)
                      .contentType(MERGE_PATCH)
                      .body(
                          "{\"description\": \"written by "
                              + who
                              + "\", \"acronym\": \""
                              + who.toUpperCase()
                              + "\"}")
                      .patch("/api/v1/programs/{slug}", slug);
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> f : calls) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }
      List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
      assertThat(statuses).containsExactly(200, 412);
      JsonPath winner =
          responses.stream()
              .filter(r -> r.statusCode() == 200)
              .findFirst()
              .orElseThrow()
              .jsonPath();
      given()
          .get("/api/v1/programs/{slug}", slug)
          .then()
          .statusCode(200)
          .body("description", equalTo(winner.getString("description")))
          .body("acronym", equalTo(winner.getString("acronym")))
          .body("version", equalTo(winner.getInt("version")))
          .body("version", equalTo(1));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldChangeOnlyThePatchedFieldsAndClearNulls() {
    String provider = createProvider(unique("wp"));
    String slug = createProgram(unique("wprog"), provider);
    asAdmin()
        .header("If-Match", programEtag(slug))
        .contentType(MERGE_PATCH)
        .body("{\"name\": \"Renamed\", \"description\": null}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("description", nullValue())
        .body("acronym", equalTo("PX"))
        .body("provider.slug", equalTo(provider))
        .body("studyHours.min", equalTo(10))
        .body("studyHours.max", equalTo(20))
        .body("languages", hasItem("en"))
        .body("competencies", hasItem("CX_STRATEGY"));
  }

  @Test
  void shouldAcceptPlainJsonForPatch() {
    String slug = createProgram(unique("wprog"), createProvider(unique("wp")));
    asAdmin()
        .header("If-Match", programEtag(slug))
        .body("{\"level\": \"MANAGER\"}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200)
        .body("level", equalTo("MANAGER"))
        .body("name", equalTo("Program " + slug));
  }

  @Test
  void shouldNameEachInvalidFieldWith400() {
    asAdmin()
        .body(
            """
        {"slug": "Not A Slug", "name": " ", "credentialType": "CERTIFICATION", "studyHoursMin": 40,
         "studyHoursMax": 20, "website": "ftp://example.org", "languages": ["en", "English!"],
         "launchYear": 1800}
        """)
        .post("/api/v1/programs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"))
        .body(
            "errors.field",
            hasItems("slug", "name", "studyHoursMax", "website", "languages[1]", "launchYear"))
        .body("errors.field", not(hasItem(containsString("create"))))
        .body(
            "errors.find { it.field == 'studyHoursMax' }.message", containsString("studyHoursMin"));
  }

  @Test
  void shouldRejectUnknownEnumValuesAndUnknownFields() {
    String slug = unique("wprog");
    asAdmin()
        .body("{\"slug\": \"" + slug + "\", \"name\": \"x\", \"credentialType\": \"DIPLOMA\"}")
        .post("/api/v1/programs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("credentialType"));
    asAdmin()
        .body(
            "{\"slug\": \""
                + slug
                + "\", \"name\": \"x\", \"credentialType\": \"CERTIFICATE\", \"nmae\": \"typo\"}")
        .post("/api/v1/programs")
        .then()
        .statusCode(400)
        .body("detail", containsString("nmae"));
    String existing = createProgram(unique("wprog"), createProvider(unique("wp")));
    asAdmin()
        .header("If-Match", programEtag(existing))
        .contentType(MERGE_PATCH)
        .body("{\"nmae\": \"typo\"}")
        .patch("/api/v1/programs/{slug}", existing)
        .then()
        .statusCode(400)
        .body("detail", containsString("nmae"));
    asAdmin()
        .header("If-Match", programEtag(existing))
        .contentType(MERGE_PATCH)
        .body("{\"studyHoursMax\": 5}")
        .patch("/api/v1/programs/{slug}", existing)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("studyHoursMax"));
    asAdmin()
        .header("If-Match", programEtag(existing))
        .contentType(MERGE_PATCH)
        .body("[1, 2]")
        .patch("/api/v1/programs/{slug}", existing)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswerTakenSlugWith409AndUnknownReferencesWith400() {
    String provider = createProvider(unique("wp"));
    String slug = createProgram(unique("wprog"), provider);
    asAdmin()
        .body(programJson(slug, provider))
        .post("/api/v1/programs")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/conflict"));
    asAdmin().body(programJson("ccxp", null)).post("/api/v1/programs").then().statusCode(409);
    asAdmin()
        .body(programJson(unique("wprog"), "no-such-provider"))
        .post("/api/v1/programs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("provider"));
    asAdmin()
        .header("If-Match", programEtag(slug))
        .contentType(MERGE_PATCH)
        .body("{\"supersededBy\": \"no-such-program\"}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("supersededBy"));
    asAdmin()
        .header("If-Match", programEtag(slug))
        .contentType(MERGE_PATCH)
        .body("{\"source\": \"no-such-source\"}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("source"));
    asAdmin()
        .header("If-Match", programEtag(slug))
        .contentType(MERGE_PATCH)
        .body("{\"slug\": \"renamed-slug\"}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void shouldRefuseToDeleteAProgramAnotherSupersededByAndThenCascade() {
    String provider = createProvider(unique("wp"));
    String successor = createProgram(unique("wprog-new"), provider);
    String old = createProgram(unique("wprog-old"), provider);
    createPrice(successor);
    createAlias(successor, "Successor " + successor);
    asAdmin()
        .header("If-Match", programEtag(old))
        .contentType(MERGE_PATCH)
        .body("{\"status\": \"RETIRED\", \"supersededBy\": \"" + successor + "\"}")
        .patch("/api/v1/programs/{slug}", old)
        .then()
        .statusCode(200)
        .body("supersededBy", equalTo(successor));

    asAdmin()
        .header("If-Match", programEtag(successor))
        .delete("/api/v1/programs/{slug}", successor)
        .then()
        .statusCode(409)
        .body("detail", containsString(old));

    asAdmin()
        .header("If-Match", programEtag(old))
        .contentType(MERGE_PATCH)
        .body("{\"supersededBy\": null}")
        .patch("/api/v1/programs/{slug}", old)
        .then()
        .statusCode(200);
    asAdmin()
        .header("If-Match", programEtag(successor))
        .delete("/api/v1/programs/{slug}", successor)
        .then()
        .statusCode(204);
    given().get("/api/v1/programs/{slug}", successor).then().statusCode(404);
    given().get("/api/v1/programs/{slug}/aliases", successor).then().statusCode(404);
  }

  @Test
  void shouldBumpTheProgramVersionAndUpdatedAtWhenAChildChanges() {
    String slug = createProgram(unique("wprog"), createProvider(unique("wp")));
    JsonPath before = given().get("/api/v1/programs/{slug}", slug).jsonPath();
    long priceId = createPrice(slug);
    JsonPath after = given().get("/api/v1/programs/{slug}", slug).jsonPath();
    assertThat(after.getLong("version")).isEqualTo(before.getLong("version") + 1);
    assertThat(after.getString("updatedAt")).isNotEqualTo(before.getString("updatedAt"));

    asAdmin()
        .header("If-Match", etag("/api/v1/programs/{slug}/prices/{id}", slug, priceId))
        .contentType(MERGE_PATCH)
        .body("{\"amountMax\": 199}")
        .patch("/api/v1/programs/{slug}/prices/{id}", slug, priceId)
        .then()
        .statusCode(200);
    assertThat(given().get("/api/v1/programs/{slug}", slug).jsonPath().getLong("version"))
        .isEqualTo(before.getLong("version") + 2);
    // The old program ETag is stale now: an update based on it loses nothing.
    asAdmin()
        .header("If-Match", quoted(before.getLong("version")))
        .contentType(MERGE_PATCH)
        .body("{\"level\": \"ENTRY\"}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(412);
  }

  @Test
  void shouldGiveEveryWriteANewEtagEvenWhenNothingChanged() {
    String provider = createProvider(unique("wp"));
    String slug = createProgram(unique("wprog"), provider);
    asAdmin()
        .header("If-Match", "\"0\"")
        .body(programJson(slug, provider))
        .put("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("updatedAt", notNullValue());
  }
}
