package com.credentialcatalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Automatic persisted queries over real HTTP, as Apollo's clients speak them: a hash alone, then
 * the document with its hash, then GETs by hash that HTTP caches can keep, revalidated with the
 * catalog-revision tag REST uses.
 */
@QuarkusTest
class PersistedQueriesTest {

  @Inject DirectReads directReads;

  /** Answered by the direct-read path. */
  private static final String PROGRAM =
      "query Program($slug: String!) { program(slug: $slug) { slug name } }";

  /** Answered by graphql-java (a provider is not a direct read), rerouted from GET to POST. */
  private static final String PROVIDER =
      "query Provider($slug: String!) { provider(slug: $slug) { slug name } }";

  @Test
  void shouldAnswerPersistedQueryNotFoundForAnUnknownHash() {
    String document =
        "query Unknown" + UUID.randomUUID().toString().replace("-", "") + " { __typename }";

    Response response = byHash(sha256(document), Map.of(), null);

    response.then().statusCode(200);
    assertThat(response.jsonPath().getString("errors[0].message"))
        .isEqualTo("PersistedQueryNotFound");
    assertThat(response.jsonPath().getString("errors[0].extensions.code"))
        .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
  }

  @Test
  void shouldRunADocumentByHashOverGetOnceRegisteredByPost() {
    String document = PROGRAM + " # " + UUID.randomUUID();
    String slug = firstProgramSlug();
    assertThat(
            byHash(sha256(document), Map.of("slug", slug), null)
                .jsonPath()
                .getString("errors[0].message"))
        .isEqualTo("PersistedQueryNotFound");

    Response registered = register(document, Map.of("slug", slug));
    registered.then().statusCode(200);
    assertThat(registered.jsonPath().getString("data.program.slug")).isEqualTo(slug);

    Response get = byHash(sha256(document), Map.of("slug", slug), null);
    get.then().statusCode(200);
    assertThat(get.jsonPath().getString("data.program.slug")).isEqualTo(slug);
    assertThat(get.header("ETag")).startsWith("W/\"r");
    assertThat(get.header("Cache-Control")).isEqualTo("public, no-cache");
    assertThat(get.header("Last-Modified")).isNotNull();
    // A hash alone over POST runs it too.
    Response post =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "variables", Map.of("slug", slug), "extensions", extensions(sha256(document))))
            .post("/graphql");
    assertThat(post.jsonPath().getString("data.program.slug")).isEqualTo(slug);
  }

  @Test
  void shouldRefuseAHashThatIsNotTheQuerys() {
    Response response =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "query",
                    PROGRAM,
                    "variables",
                    Map.of("slug", "x"),
                    "extensions",
                    extensions(sha256(PROGRAM + " "))))
            .post("/graphql");

    response.then().statusCode(400);
    assertThat(response.jsonPath().getString("errors[0].message"))
        .startsWith("provided sha does not match query");
    assertThat(response.jsonPath().getString("errors[0].extensions.member"))
        .isEqualTo("extensions.persistedQuery.sha256Hash");
  }

  @Test
  void shouldAnswer304ToACurrentTagAndANewTagAndBodyAfterAWrite() {
    String slug = "apq-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .auth()
        .oauth2(DevTokens.admin())
        .body(
            """
            {"slug": "%s", "name": "Before", "kind": "TRAINING_VENDOR", "website": "https://%s.example", "country": "US"}
            """
                .formatted(slug, slug))
        .post("/api/v1/providers")
        .then()
        .statusCode(201);
    register(PROVIDER, Map.of("slug", slug)).then().statusCode(200);

    Response first = byHash(sha256(PROVIDER), Map.of("slug", slug), null);
    first.then().statusCode(200);
    assertThat(first.jsonPath().getString("data.provider.name")).isEqualTo("Before");
    String tag = first.header("ETag");
    assertThat(tag).startsWith("W/\"r");

    Response again = byHash(sha256(PROVIDER), Map.of("slug", slug), tag);
    again.then().statusCode(304);
    assertThat(again.header("ETag")).isEqualTo(tag);
    assertThat(again.asString()).isEmpty();

    given()
        .contentType("application/merge-patch+json")
        .auth()
        .oauth2(DevTokens.admin())
        .header("If-Match", "\"0\"")
        .body("{\"name\": \"After\"}")
        .patch("/api/v1/providers/" + slug)
        .then()
        .statusCode(200);

    Response after = byHash(sha256(PROVIDER), Map.of("slug", slug), tag);
    after.then().statusCode(200);
    assertThat(after.header("ETag")).isNotEqualTo(tag);
    assertThat(after.jsonPath().getString("data.provider.name")).isEqualTo("After");
    // The kept answer (a hit now) is the one graphql-java gave, byte for byte.
    Response kept = byHash(sha256(PROVIDER), Map.of("slug", slug), null);
    assertThat(kept.asString()).isEqualTo(after.asString());
    assertThat(kept.header("Content-Type")).isEqualTo(after.header("Content-Type"));
    assertThat(kept.header("ETag")).isEqualTo(after.header("ETag"));
  }

  @Test
  void shouldAnswerHeadByHashLikeGetWithoutABody() {
    String slug = firstProgramSlug();
    // One answered by the direct-read path, one graphql-java answers after a reroute.
    for (String document :
        new String[] {
          PROGRAM + " # head " + UUID.randomUUID(), PROVIDER + " # head " + UUID.randomUUID()
        }) {
      Map<String, Object> variables = Map.of("slug", document.startsWith(PROVIDER) ? "cxpa" : slug);
      assertThat(byHash(sha256(document), variables, null, "HEAD").header("ETag"))
          .as("no tag for a hash not registered")
          .isNull();
      register(document, variables).then().statusCode(200);
      Response get = byHash(sha256(document), variables, null);
      get.then().statusCode(200);
      String tag = get.header("ETag");
      assertThat(tag).startsWith("W/\"r");

      Response head = byHash(sha256(document), variables, null, "HEAD");
      head.then().statusCode(200);
      assertThat(head.header("ETag")).isEqualTo(tag);
      assertThat(head.header("Cache-Control")).isEqualTo("public, no-cache");
      assertThat(head.header("Last-Modified")).isEqualTo(get.header("Last-Modified"));
      assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
      assertThat(head.asString()).isEmpty();

      Response notModified = byHash(sha256(document), variables, tag, "HEAD");
      notModified.then().statusCode(304);
      assertThat(notModified.header("ETag")).isEqualTo(tag);
      assertThat(notModified.asString()).isEmpty();
    }
  }

  @Test
  void shouldRefuseAMutationOverHead() {
    String mutation =
        "mutation { deleteProvider(slug: \"nobody-"
            + UUID.randomUUID()
            + "\", expectedVersion: 0) }";

    given()
        .queryParam("query", mutation)
        .head("/graphql")
        .then()
        .statusCode(405)
        .header("Allow", "POST");
  }

  @Test
  void shouldGiveTwoAnswersForTwoVariableSets() {
    String document = PROGRAM + " # variables " + UUID.randomUUID();
    var slugs =
        GraphqlClient.query("{ programs(first: 2) { edges { node { slug } } } }")
            .getList("data.programs.edges.node.slug", String.class);
    assertThat(slugs).hasSize(2);
    register(document, Map.of("slug", slugs.get(0))).then().statusCode(200);

    Response one = byHash(sha256(document), Map.of("slug", slugs.get(0)), null);
    long direct = directReads.answered();
    Response two = byHash(sha256(document), Map.of("slug", slugs.get(1)), null);
    // A persisted document takes the direct-read path like any other.
    assertThat(directReads.answered() - direct).isEqualTo(1);

    assertThat(one.jsonPath().getString("data.program.slug")).isEqualTo(slugs.get(0));
    assertThat(two.jsonPath().getString("data.program.slug")).isEqualTo(slugs.get(1));
    assertThat(one.header("ETag")).isNotEqualTo(two.header("ETag"));
    // A tag of one variable set does not revalidate the other.
    byHash(sha256(document), Map.of("slug", slugs.get(1)), one.header("ETag"))
        .then()
        .statusCode(200);
  }

  @Test
  void shouldNotRegisterADocumentOverTheBounds() {
    String aliases = "{ " + "a: __typename ".repeat(101) + "} # " + UUID.randomUUID();

    Response refused = register(aliases, Map.of());

    assertThat(refused.jsonPath().getString("errors[0].extensions.code"))
        .isEqualTo("QUERY_TOO_COMPLEX");
    assertThat(byHash(sha256(aliases), Map.of(), null).jsonPath().getString("errors[0].message"))
        .isEqualTo("PersistedQueryNotFound");
  }

  @Test
  void shouldNotTagAnAnswerWithErrors() {
    register(PROVIDER, Map.of("slug", "x")).then().statusCode(200);

    Response missing = byHash(sha256(PROVIDER), Map.of("slug", "no-such-provider"), null);

    missing.then().statusCode(200);
    assertThat(missing.jsonPath().getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
    assertThat(missing.header("ETag")).isNull();
  }

  @Test
  void shouldRefuseAMutationOverGet() {
    String mutation =
        "mutation { deleteProvider(slug: \"nobody-"
            + UUID.randomUUID()
            + "\", expectedVersion: 0) }";

    Response response = given().queryParam("query", mutation).get("/graphql");

    response.then().statusCode(405).header("Allow", "POST");
    assertThat(response.jsonPath().getString("errors[0].message")).contains("POST");
  }

  @Test
  void shouldRefuseUnreadableJsonParametersNamingThem() {
    for (String parameter : new String[] {"variables", "extensions"}) {
      Response response =
          given().queryParam("query", PROGRAM).queryParam(parameter, "{not json").get("/graphql");

      response.then().statusCode(400);
      assertThat(response.jsonPath().getString("errors[0].extensions.parameter"))
          .isEqualTo(parameter);
      assertThat(response.jsonPath().getString("errors[0].message")).contains(parameter);
    }
  }

  @Test
  void shouldRunAPlainQueryOverGetWithItsOperationName() {
    String slug = firstProgramSlug();
    Response response =
        given()
            .queryParam("query", PROVIDER + " " + PROGRAM.replace("query Program", "query Other"))
            .queryParam("operationName", "Other")
            .queryParam("variables", "{\"slug\": \"" + slug + "\"}")
            .get("/graphql");

    response.then().statusCode(200);
    assertThat(response.jsonPath().getString("data.program.slug")).isEqualTo(slug);
  }

  private static String firstProgramSlug() {
    return GraphqlClient.query("{ programs(first: 1) { edges { node { slug } } } }")
        .getString("data.programs.edges[0].node.slug");
  }

  static Response register(String document, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", document);
    body.put("variables", variables);
    body.put("extensions", extensions(sha256(document)));
    return given().contentType(ContentType.JSON).body(body).post("/graphql");
  }

  static Response byHash(String hash, Map<String, Object> variables, String ifNoneMatch) {
    return byHash(hash, variables, ifNoneMatch, "GET");
  }

  static Response byHash(
      String hash, Map<String, Object> variables, String ifNoneMatch, String method) {
    var spec =
        given()
            .queryParam("extensions", json(extensions(hash)))
            .queryParam("variables", json(variables));
    if (ifNoneMatch != null) {
      spec = spec.header("If-None-Match", ifNoneMatch);
    }
    return method.equals("HEAD") ? spec.head("/graphql") : spec.get("/graphql");
  }

  static Map<String, Object> extensions(String hash) {
    return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
  }

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
