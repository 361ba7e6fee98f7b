package com.credentialcatalog.rest.write;

import static io.restassured.RestAssured.given;

import com.credentialcatalog.security.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Catalog data the write tests create for themselves through the API, with slugs no other test
 * uses, so that the seeded data other tests read is never touched.
 */
final class WriteFixtures {

  private static final String RUN =
      Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000L), 36);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private WriteFixtures() {}

  /** The test server's port, seen during a test: after the last one Quarkus resets RestAssured. */
  private static volatile int serverPort = -1;

  /** A slug unique to this test run. */
  static String unique(String prefix) {
    serverPort = RestAssured.port;
    return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  static RequestSpecification as(String token) {
    RequestSpecification spec = given().contentType(ContentType.JSON);
    return token == null ? spec : spec.auth().oauth2(token);
  }

  static RequestSpecification asAdmin() {
    return as(DevTokens.admin());
  }

  static String providerJson(String slug) {
    return """
        {"slug": "%s", "name": "Provider %s", "kind": "TRAINING_VENDOR", "website": "https://%s.example", "country": "US"}
        """
        .formatted(slug, slug, slug);
  }

  static String programJson(String slug, String provider) {
    return """
        {"slug": "%s", "name": "Program %s", "acronym": "PX", "provider": %s, "credentialType": "CERTIFICATION",
         "level": "PROFESSIONAL", "competencies": ["CX_STRATEGY"], "languages": ["en"],
         "studyHoursMin": 10, "studyHoursMax": 20, "description": "A test program."}
        """
        .formatted(slug, slug, provider == null ? "null" : "\"" + provider + "\"");
  }

  static final String PRICE_JSON =
      """
      {"feeType": "EXAM", "amountMin": 100, "amountMax": 150, "currency": "USD", "audience": "ANY",
       "requiredForAward": true, "validFrom": "2025-01-01", "note": "test price"}
      """;

  static final String EXAM_JSON =
      """
      {"name": "Test exam", "durationMinutesMin": 60, "durationMinutesMax": 90, "questionCountMin": 50,
       "multipleChoicePctMin": 60, "multipleChoicePctMax": 80, "scenarioPctMin": 20, "scenarioPctMax": 40,
       "passingScoreMin": 70, "passingScoreScale": "PERCENT", "proctoring": ["REMOTE"],
       "testVendors": ["pearson-vue"], "languages": ["en"]}
      """;

  static final String RENEWAL_JSON =
      """
      {"cycleYearsMin": 3, "cycleYearsMax": 3, "creditsMin": 30, "creditsMax": 40, "creditUnit": "CEU",
       "acceptedRoutes": ["CREDITS"], "proofRetentionYears": 3}
      """;

  static String createProvider(String slug) {
    asAdmin().body(providerJson(slug)).post("/api/v1/providers").then().statusCode(201);
    return slug;
  }

  static String createProgram(String slug, String provider) {
    asAdmin().body(programJson(slug, provider)).post("/api/v1/programs").then().statusCode(201);
    return slug;
  }

  static long createPrice(String program) {
    return asAdmin()
        .body(PRICE_JSON)
        .post("/api/v1/programs/{slug}/prices", program)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static long createExam(String program) {
    return asAdmin()
        .body(EXAM_JSON)
        .post("/api/v1/programs/{slug}/exams", program)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static void createRenewal(String program) {
    asAdmin()
        .body(RENEWAL_JSON)
        .put("/api/v1/programs/{slug}/renewal", program)
        .then()
        .statusCode(201);
  }

  static String createAlias(String program, String alias) {
    asAdmin()
        .body("{\"alias\": \"" + alias + "\"}")
        .post("/api/v1/programs/{slug}/aliases", program)
        .then()
        .statusCode(201);
    return alias;
  }

  /** The current strong ETag of a resource, read anonymously. */
  static String etag(String path, Object... params) {
    return given().get(path, params).then().statusCode(200).extract().header("ETag");
  }

  static String programEtag(String slug) {
    return quoted(
        given()
            .get("/api/v1/programs/{slug}", slug)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("version"));
  }

  static String providerEtag(String slug) {
    return quoted(
        given()
            .get("/api/v1/providers/{slug}", slug)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("version"));
  }

  static String quoted(long version) {
    return "\"" + version + "\"";
  }

  /**
   * Deletes, through the API (so the change feed and the catalog revision see it), every provider
   * and program this test run created, leaving the seeded catalog as other tests expect it: list
   * and sort tests page through all programs and must not find hundreds of test programs first.
   */
  static void deleteCreatedData() {
    if (serverPort < 0) {
      return;
    }
    int port = RestAssured.port;
    RestAssured.port = serverPort;
    try {
      deleteCreatedDataOnServer();
    } finally {
      RestAssured.port = port;
    }
  }

  private static void deleteCreatedDataOnServer() {
    String marker = "%-" + RUN + "-%";
    for (String slug :
        slugs(
            "select slug from program where slug like ? and superseded_by_id is not null",
            marker)) {
      asAdmin()
          .header("If-Match", programEtag(slug))
          .contentType("application/merge-patch+json")
          .body("{\"supersededBy\": null}")
          .patch("/api/v1/programs/{slug}", slug);
    }
    for (String slug : slugs("select slug from program where slug like ?", marker)) {
      asAdmin()
          .header("If-Match", programEtag(slug))
          .delete("/api/v1/programs/{slug}", slug)
          .then()
          .statusCode(204);
    }
    for (String slug : slugs("select slug from provider where slug like ?", marker)) {
      asAdmin()
          .header("If-Match", providerEtag(slug))
          .delete("/api/v1/providers/{slug}", slug)
          .then()
          .statusCode(204);
    }
  }

  private static List<String> slugs(String sql, String parameter) {
    AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
    List<String> slugs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          slugs.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return slugs;
  }

  /**
   * A provider with a program that has a price, an exam, a renewal policy and an alias, plus an
   * empty provider.
   */
  record Side(
      String provider,
      String emptyProvider,
      String program,
      long priceId,
      long examId,
      String alias) {

    static Side create() {
      String provider = createProvider(unique("wp"));
      String empty = createProvider(unique("wp-empty"));
      String program = createProgram(unique("wprog"), provider);
      long price = createPrice(program);
      long exam = createExam(program);
      createRenewal(program);
      String alias = createAlias(program, "Alias " + program.toUpperCase());
      return new Side(provider, empty, program, price, exam, alias);
    }
  }
}
