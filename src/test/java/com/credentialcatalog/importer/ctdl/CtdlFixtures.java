package com.credentialcatalog.importer.ctdl;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

  /** POSTs a document to the import as {@code token} (null: anonymous). */
  static ValidatableResponse post(String token, String body, boolean dryRun) {
    var spec = given().contentType(ContentType.JSON).body(body);
    if (token != null) {
      spec = spec.auth().oauth2(token);
    }
    return spec.post("/api/v1/imports/ctdl" + (dryRun ? "?dryRun=true" : ""))
        .then()
        .log()
        .ifValidationFails();
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
