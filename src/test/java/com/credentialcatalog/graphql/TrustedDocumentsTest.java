package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trusted-documents mode: only the documents of the configured directory (here the committed
 * examples) run, by hash or in full; clients cannot register others.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.Trusted.class)
class TrustedDocumentsTest {

  public static class Trusted implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "catalog.graphql.trusted-documents-only",
          "true",
          "catalog.graphql.trusted-documents-directory",
          "examples/graphql");
    }
  }

  private static final String UNTRUSTED = "{ programs(first: 1) { edges { node { slug } } } }";

  @Test
  void shouldRunATrustedDocumentByHashAndInFull() throws Exception {
    String document =
        Files.readString(Path.of("examples/graphql/find-programs.graphql"), StandardCharsets.UTF_8);

    Response byHash =
        PersistedQueriesTest.byHash(PersistedQueriesTest.sha256(document), Map.of(), null);
    byHash.then().statusCode(200);
    assertThat(byHash.jsonPath().getList("data.programs.edges")).isNotEmpty();
    assertThat(byHash.jsonPath().getList("errors")).isNull();

    Response inFull =
        given().contentType(ContentType.JSON).body(Map.of("query", document)).post("/graphql");
    inFull.then().statusCode(200);
    assertThat(inFull.jsonPath().getList("data.programs.edges")).isNotEmpty();
  }

  @Test
  void shouldRefuseADocumentThatIsNotTrusted() {
    Response response =
        given().contentType(ContentType.JSON).body(Map.of("query", UNTRUSTED)).post("/graphql");

    response.then().statusCode(400);
    assertThat(response.jsonPath().getString("errors[0].extensions.code"))
        .isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
    assertThat(response.jsonPath().getString("data")).isNull();
  }

  @Test
  void shouldNotLetClientsRegisterDocuments() {
    Response register = PersistedQueriesTest.register(UNTRUSTED, Map.of());
    register.then().statusCode(400);
    assertThat(register.jsonPath().getString("errors[0].extensions.code"))
        .isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");

    Response byHash =
        PersistedQueriesTest.byHash(PersistedQueriesTest.sha256(UNTRUSTED), Map.of(), null);
    assertThat(byHash.jsonPath().getString("errors[0].message"))
        .isEqualTo("PersistedQueryNotFound");
  }
}
