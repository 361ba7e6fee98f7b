package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A client that reads a resource and writes back with the ETag it got succeeds; the same tag
 * revalidates with 304 until anything the resource shows changes (issue 11, item 4).
 */
@QuarkusTest
class ReadThenWriteTest {

  static final String MERGE_PATCH = "application/merge-patch+json";

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  @Test
  void shouldPatchAProgramWithTheEtagOfItsGet() {
    String slug = createProgram(unique("rtw"), createProvider(unique("rtwp")));
    String etag = strongEtagOf("/api/v1/programs/" + slug);
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(304);

    asAdmin()
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body("{\"description\": null}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200)
        .body("description", nullValue())
        .body("competencies", hasSize(1));
    // The write made the tag stale: a second write based on it is refused, a revalidation
    // refreshes.
    asAdmin()
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body("{\"launchYear\": 2020}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(412);
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200)
        .body("description", nullValue());
    asAdmin()
        .header("If-Match", strongEtagOf("/api/v1/programs/" + slug))
        .delete("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(204);
  }

  @Test
  void shouldPatchAProviderWithTheEtagOfItsGet() {
    String slug = createProvider(unique("rtwp"));
    String etag = strongEtagOf("/api/v1/providers/" + slug);
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(304);
    asAdmin()
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body("{\"country\": null}")
        .patch("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(200)
        .body("country", nullValue());
    asAdmin()
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body("{\"country\": \"FR\"}")
        .patch("/api/v1/providers/{slug}", slug)
        .then()
        .statusCode(412);
  }

  @Test
  void shouldWriteEveryChildWithTheEtagOfItsGet() {
    String slug = createProgram(unique("rtw"), createProvider(unique("rtwp")));
    long price = createPrice(slug);
    long exam = createExam(slug);
    createRenewal(slug);
    createAlias(slug, "RTW-" + slug);

    asAdmin()
        .header("If-Match", strongEtagOf("/api/v1/programs/" + slug + "/prices/" + price))
        .contentType(MERGE_PATCH)
        .body("{\"note\": null}")
        .patch("/api/v1/programs/{slug}/prices/{id}", slug, price)
        .then()
        .statusCode(200)
        .body("note", nullValue());
    asAdmin()
        .header("If-Match", strongEtagOf("/api/v1/programs/" + slug + "/exams/" + exam))
        .contentType(MERGE_PATCH)
        .body("{\"name\": \"Renamed exam\"}")
        .patch("/api/v1/programs/{slug}/exams/{id}", slug, exam)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed exam"));
    asAdmin()
        .header("If-Match", strongEtagOf("/api/v1/programs/" + slug + "/renewal"))
        .contentType(MERGE_PATCH)
        .body("{\"creditsMax\": 45}")
        .patch("/api/v1/programs/{slug}/renewal", slug)
        .then()
        .statusCode(200);
    // Aliases are part of the program: the alias list and the program detail name the same version.
    asAdmin()
        .header("If-Match", strongEtagOf("/api/v1/programs/" + slug + "/aliases"))
        .delete("/api/v1/programs/{slug}/aliases/{alias}", slug, "RTW-" + slug)
        .then()
        .statusCode(204);
    asAdmin()
        .header("If-Match", strongEtagOf("/api/v1/programs/" + slug))
        .contentType(MERGE_PATCH)
        .body("{\"launchYear\": 2021}")
        .patch("/api/v1/programs/{slug}", slug)
        .then()
        .statusCode(200)
        .body("launchYear", equalTo(2021));
  }

  @Test
  void shouldChangeTheProgramTagWhenAChildOrItsProviderChanges() {
    String provider = createProvider(unique("rtwp"));
    String slug = createProgram(unique("rtw"), provider);
    String path = "/api/v1/programs/" + slug;
    String before = strongEtagOf(path);

    createPrice(slug);
    String afterPrice = strongEtagOf(path);
    assertThat(afterPrice).isNotEqualTo(before);
    given().header("If-None-Match", before).get(path).then().statusCode(200);

    // Renaming the provider does not change the program's version, but the detail shows the name:
    // the tag moves (a revalidating client gets the new name) and If-Match still accepts it.
    asAdmin()
        .header("If-Match", strongEtagOf("/api/v1/providers/" + provider))
        .contentType(MERGE_PATCH)
        .body("{\"name\": \"Renamed provider\"}")
        .patch("/api/v1/providers/{slug}", provider)
        .then()
        .statusCode(200);
    given()
        .header("If-None-Match", afterPrice)
        .get(path)
        .then()
        .statusCode(200)
        .body("provider.name", equalTo("Renamed provider"));
    String afterRename = strongEtagOf(path);
    assertThat(afterRename).isNotEqualTo(afterPrice);
    given().header("If-None-Match", afterRename).get(path).then().statusCode(304);
    asAdmin()
        .header("If-Match", afterRename)
        .contentType(MERGE_PATCH)
        .body("{\"launchYear\": 2019}")
        .patch(path)
        .then()
        .statusCode(200);
  }

  /** The ETag of a GET, checked to be strong (a weak tag could not be sent back in If-Match). */
  private static String strongEtagOf(String path) {
    String etag = given().get(path).then().statusCode(200).extract().header("ETag");
    assertThat(etag).as("ETag of %s", path).startsWith("\"").doesNotStartWith("W/");
    return etag;
  }
}
