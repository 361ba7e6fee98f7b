package com.credentialcatalog.importer.ctdl;

import static io.restassured.RestAssured.given;

import com.credentialcatalog.security.DevTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The import tests' own CTDL documents (src/test/resources/ctdl), made unique per use: each {@code
 * ce-NAME} placeholder becomes a fresh CTID (written upper-case where the file writes it
 * upper-case, as the Registry does under /graph/), and {@code RUN} a token no other test uses, so
 * every test imports rows of its own.
 */
final class CtdlFixtures {

  private static final String RUN =
      Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000L), 36);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private CtdlFixtures() {}

  /** A fixture document with its placeholders filled. */
  record Doc(String json, String run, Map<String, String> ctids) {

    String ctid(String placeholder) {
      return ctids.get(placeholder);
    }

    /** The same document with one more replacement (to change a fact for an update). */
    Doc replace(String from, String to) {
      return new Doc(json.replace(from, to), run, ctids);
    }
  }

  static Doc load(String file, String... placeholders) {
    String text = read(file);
    String run = "t" + RUN + COUNTER.incrementAndGet();
    Map<String, String> ctids = new java.util.HashMap<>();
    for (String p : placeholders) {
      String ctid = "ce-" + UUID.randomUUID();
      ctids.put(p, ctid);
      text =
          text.replace("ce-" + p.toUpperCase(Locale.ROOT), ctid.toUpperCase(Locale.ROOT))
              .replace("ce-" + p, ctid);
    }
    return new Doc(text.replace("RUN", run), run, Map.copyOf(ctids));
  }

  static String read(String file) {
    try (InputStream in = CtdlFixtures.class.getResourceAsStream("/ctdl/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Programs and providers the imports of this run created, to delete after each test class. */
  private static final Set<String> CREATED_PROGRAMS = ConcurrentHashMap.newKeySet();

  private static final Set<String> CREATED_PROVIDERS = ConcurrentHashMap.newKeySet();

  /** POSTs a document to the import as {@code token} (null: anonymous). */
  static ValidatableResponse post(String token, String body, boolean dryRun) {
    serverPort = RestAssured.port;
    var spec = given().contentType(ContentType.JSON).body(body);
    if (token != null) {
      spec = spec.auth().oauth2(token);
    }
    ValidatableResponse response =
        spec.post("/api/v1/imports/ctdl" + (dryRun ? "?dryRun=true" : ""))
            .then()
            .log()
            .ifValidationFails();
    Response answer = response.extract().response();
    if (!dryRun && answer.statusCode() == 200) {
      List<Map<String, Object>> nodes = answer.jsonPath().getList("nodes");
      for (Map<String, Object> node : nodes) {
        if ("CREATED".equals(node.get("status")) && node.get("slug") != null) {
          String slug = node.get("slug").toString();
          if ("program".equals(node.get("entity"))) {
            CREATED_PROGRAMS.add(slug);
          } else if ("provider".equals(node.get("entity"))) {
            CREATED_PROVIDERS.add(slug);
          }
        }
      }
    }
    return response;
  }

  /**
   * Deletes what the imports created, through the API (so caches and the change feed see it): the
   * other test classes of the run read the seed catalog, and a name like "CompTIA A+" or a
   * round-trip copy of a seed program would change what they find.
   */
  static void deleteImported() {
    if (serverPort < 0) {
      return;
    }
    int port = RestAssured.port;
    RestAssured.port = serverPort;
    try {
      deleteImportedOnServer();
    } finally {
      RestAssured.port = port;
    }
  }

  /** The test server's port, seen during a test: after the last one Quarkus resets RestAssured. */
  private static volatile int serverPort = -1;

  private static void deleteImportedOnServer() {
    String admin = DevTokens.admin();
    for (String slug : List.copyOf(CREATED_PROGRAMS)) {
      String etag = given().get("/api/v1/programs/{slug}", slug).header("ETag");
      if (etag != null) {
        given()
            .auth()
            .oauth2(admin)
            .header("If-Match", etag)
            .delete("/api/v1/programs/{slug}", slug)
            .then()
            .statusCode(204);
      }
      CREATED_PROGRAMS.remove(slug);
    }
    for (String slug : List.copyOf(CREATED_PROVIDERS)) {
      String etag = given().get("/api/v1/providers/{slug}", slug).header("ETag");
      if (etag != null) {
        // A provider another row still names (a test vendor of a seed exam) stays: 409.
        given()
            .auth()
            .oauth2(admin)
            .header("If-Match", etag)
            .delete("/api/v1/providers/{slug}", slug);
      }
      CREATED_PROVIDERS.remove(slug);
    }
  }

  /** The change feed's latest sequence number. */
  static long latestSeq() {
    return given()
        .get("/api/v1/changes?limit=1")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("latestSeq");
  }
}
