package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trusted documents managed at run time ({@code /api/v1/admin/trusted-documents}), in
 * trusted-documents mode (the profile of {@link TrustedDocumentsTest}, so one server serves both):
 * a document an administrator registers runs by hash at once, and is refused once deleted.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.Trusted.class)
class TrustedDocumentAdminTest {

  private static final String ADMIN = "/api/v1/admin/trusted-documents";

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void deleteWhatWasTrusted() {
    for (String hash : created) {
      given().auth().oauth2(DevTokens.admin()).delete(ADMIN + "/" + hash);
    }
  }

  private static String uniqueDocument() {
    return "query Admin"
        + UUID.randomUUID().toString().replace("-", "")
        + " { programs(first: 1) { edges { node { slug } } } }";
  }

  private Response trust(String document) {
    Response r =
        given()
            .auth()
            .oauth2(DevTokens.admin())
            .contentType(ContentType.JSON)
            .body(Map.of("document", document))
            .post(ADMIN);
    if (r.statusCode() == 201) {
      created.add(r.jsonPath().getString("sha256"));
    }
    return r;
  }

  @Test
  void shouldRunARegisteredDocumentByHashUntilItIsDeleted() {
    String document = uniqueDocument();
    String hash = PersistedQueriesTest.sha256(document);
    assertThat(
            PersistedQueriesTest.byHash(hash, Map.of(), null)
                .jsonPath()
                .getString("errors[0].message"))
        .isEqualTo("PersistedQueryNotFound");

    Response registered = trust(document);
    registered.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith(hash));
    assertThat(registered.jsonPath().getString("sha256")).isEqualTo(hash);
    assertThat(registered.jsonPath().getString("document")).isEqualTo(document);
    assertThat(registered.jsonPath().getString("via")).isEqualTo("ADMIN");
    assertThat(registered.jsonPath().getString("trustedAt")).isNotNull();

    // It runs at once, by hash over GET (with the revision tag) and in full.
    Response byHash = PersistedQueriesTest.byHash(hash, Map.of(), null);
    byHash.then().statusCode(200);
    assertThat(byHash.jsonPath().getList("data.programs.edges")).hasSize(1);
    assertThat(byHash.header("ETag")).startsWith("W/\"r");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("query", document))
        .post("/graphql")
        .then()
        .statusCode(200);

    // Registering it again is a safe retry.
    trust(document).then().statusCode(200);
    Response read = given().auth().oauth2(DevTokens.admin()).get(ADMIN + "/" + hash);
    read.then().statusCode(200).header("Cache-Control", "private, no-store");
    assertThat(read.jsonPath().getString("document")).isEqualTo(document);
    assertThat(listedHashes()).contains(hash);

    given().auth().oauth2(DevTokens.admin()).delete(ADMIN + "/" + hash).then().statusCode(204);
    created.remove(hash);

    assertThat(
            PersistedQueriesTest.byHash(hash, Map.of(), null)
                .jsonPath()
                .getString("errors[0].message"))
        .isEqualTo("PersistedQueryNotFound");
    Response inFull =
        given().contentType(ContentType.JSON).body(Map.of("query", document)).post("/graphql");
    inFull.then().statusCode(400);
    assertThat(inFull.jsonPath().getString("errors[0].extensions.code"))
        .isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .get(ADMIN + "/" + hash)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .delete(ADMIN + "/" + hash)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertThat(listedHashes()).doesNotContain(hash);
  }

  @Test
  void shouldRefuseDocumentsThatDoNotParseOrValidateNamingTheField() {
    for (String bad :
        new String[] {
          "query { programs(first: 1) { edges { node { slug } } }", // unbalanced
          "query Missing" + UUID.randomUUID().toString().replace("-", "") + " { noSuchField }",
          "{ " + "a: __typename ".repeat(101) + "}", // over the alias bound
        }) {
      Response r = trust(bad);
      r.then().statusCode(400).contentType("application/problem+json");
      assertThat(r.jsonPath().getString("errors[0].field")).as(bad).isEqualTo("document");
      assertThat(r.jsonPath().getString("detail")).as(bad).contains("document");
    }
    Response missing =
        given()
            .auth()
            .oauth2(DevTokens.admin())
            .contentType(ContentType.JSON)
            .body("{}")
            .post(ADMIN);
    missing.then().statusCode(400).contentType("application/problem+json");
    assertThat(missing.jsonPath().getString("errors[0].field")).isEqualTo("document");

    Response badHash = given().auth().oauth2(DevTokens.admin()).get(ADMIN + "/not-a-hash");
    badHash.then().statusCode(400);
    assertThat(badHash.jsonPath().getString("errors[0].field")).isEqualTo("sha256");
  }

  @Test
  void shouldRefuseAnonymousAndNonAdminCallers() {
    String hash = PersistedQueriesTest.sha256(uniqueDocument());
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("document", uniqueDocument()))
        .post(ADMIN)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given().get(ADMIN).then().statusCode(401).contentType("application/problem+json");
    given().delete(ADMIN + "/" + hash).then().statusCode(401);
    for (String token : new String[] {DevTokens.editorOf("cxpa"), DevTokens.recognitionWriter()}) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(Map.of("document", uniqueDocument()))
          .post(ADMIN)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      given().auth().oauth2(token).get(ADMIN).then().statusCode(403);
      given().auth().oauth2(token).get(ADMIN + "/" + hash).then().statusCode(403);
      given().auth().oauth2(token).delete(ADMIN + "/" + hash).then().statusCode(403);
    }
  }

  @Test
  void shouldPageTheListWithANextCursorAndLink() {
    trust(uniqueDocument()).then().statusCode(201);
    trust(uniqueDocument()).then().statusCode(201);

    Response first = given().auth().oauth2(DevTokens.admin()).queryParam("limit", 1).get(ADMIN);
    first.then().statusCode(200).header("Cache-Control", "private, no-store");
    assertThat(first.jsonPath().getList("items")).hasSize(1);
    String cursor = first.jsonPath().getString("nextCursor");
    assertThat(cursor).isNotNull();
    assertThat(first.header("Link")).contains("rel=\"next\"").contains("cursor=");
    Response second =
        given()
            .auth()
            .oauth2(DevTokens.admin())
            .queryParam("limit", 1)
            .queryParam("cursor", cursor)
            .get(ADMIN);
    second.then().statusCode(200);
    assertThat(second.jsonPath().getString("items[0].sha256"))
        .isNotEqualTo(first.jsonPath().getString("items[0].sha256"));

    Response badLimit = given().auth().oauth2(DevTokens.admin()).queryParam("limit", 0).get(ADMIN);
    badLimit.then().statusCode(400);
    assertThat(badLimit.jsonPath().getString("errors[0].field")).isEqualTo("limit");
  }

  /** Every hash of the list, following its pages. */
  private static List<String> listedHashes() {
    List<String> hashes = new ArrayList<>();
    String cursor = null;
    do {
      var spec = given().auth().oauth2(DevTokens.admin()).queryParam("limit", 100);
      if (cursor != null) {
        spec = spec.queryParam("cursor", cursor);
      }
      Response page = spec.get(ADMIN);
      page.then().statusCode(200);
      hashes.addAll(page.jsonPath().getList("items.sha256", String.class));
      cursor = page.jsonPath().getString("nextCursor");
    } while (cursor != null);
    return hashes;
  }
}
