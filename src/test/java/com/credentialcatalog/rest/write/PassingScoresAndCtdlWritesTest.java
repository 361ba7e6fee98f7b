package com.credentialcatalog.rest.write;

import static com.credentialcatalog.rest.write.WriteFixtures.asAdmin;
import static com.credentialcatalog.rest.write.WriteFixtures.createProgram;
import static com.credentialcatalog.rest.write.WriteFixtures.createProvider;
import static com.credentialcatalog.rest.write.WriteFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Passing scores on several scales through the REST writes, and the CTDL export of what a write
 * made: it reads the read model, so it shows a write at once.
 */
@QuarkusTest
class PassingScoresAndCtdlWritesTest {

  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String CTDL = "application/ld+json; profile=\"https://credreg.net/ctdl/schema/\"";
  static final String RESOURCES = "https://credentialengineregistry.org/resources/";

  @AfterAll
  static void deleteCreatedData() {
    WriteFixtures.deleteCreatedData();
  }

  @Test
  void shouldShowTheCcspExamOnBothScales() {
    given()
        .get("/api/v1/programs/certified-customer-service-professional")
        .then()
        .statusCode(200)
        .body("exams[0].passingScore.min", equalTo(70.0f))
        .body("exams[0].passingScore.scale", equalTo("PERCENT"))
        .body("exams[0].passingScores.scale", contains("PERCENT", "SCALED"))
        .body("exams[0].passingScores[1].min", equalTo(700.0f))
        .body("exams[0].passingScores[1].scaleMax", equalTo(1000));
  }

  @Test
  void shouldKeepThePrimaryFieldsAndTheListInStep() {
    String slug = createProgram(unique("ps"), createProvider(unique("ps-p")));
    // An old client: the primary fields alone make a one-scale list.
    Response created =
        asAdmin()
            .body(
                "{\"name\": \"One scale\", \"passingScoreMin\": 70, \"passingScoreScale\": \"PERCENT\"}")
            .post("/api/v1/programs/{slug}/exams", slug);
    created
        .then()
        .statusCode(201)
        .body("passingScores.scale", contains("PERCENT"))
        .body("passingScores[0].min", equalTo(70.0f));
    long id = created.jsonPath().getLong("id");

    // Adding a scale by PATCH: the list, its first entry the primary score as before.
    asAdmin()
        .header("If-Match", "\"0\"")
        .contentType(MERGE_PATCH)
        .body(
            """
            {"passingScores": [{"scale": "PERCENT", "min": 70, "max": 70, "scaleMax": 100},
                               {"scale": "SCALED", "min": 700, "max": 700, "scaleMax": 1000}],
             "passingScoreMin": 70, "passingScoreMax": 70, "passingScoreScaleMax": 100}
            """)
        .patch("/api/v1/programs/{slug}/exams/{id}", slug, id)
        .then()
        .statusCode(200)
        .body("passingScore.max", equalTo(70.0f))
        .body("passingScores.scale", contains("PERCENT", "SCALED"));

    // With several scales the list is the one to change; the primary fields follow its first entry.
    asAdmin()
        .header("If-Match", "\"1\"")
        .contentType(MERGE_PATCH)
        .body(
            """
            {"passingScores": [{"scale": "SCALED", "min": 650, "max": 700, "scaleMax": 1000},
                               {"scale": "PERCENT", "min": 65, "max": 70, "scaleMax": 100}]}
            """)
        .patch("/api/v1/programs/{slug}/exams/{id}", slug, id)
        .then()
        .statusCode(200)
        .body("passingScore.scale", equalTo("SCALED"))
        .body("passingScore.min", equalTo(650.0f))
        .body("passingScore.scaleMax", equalTo(1000));

    // The two forms disagreeing is refused, naming the list.
    asAdmin()
        .header("If-Match", "\"2\"")
        .contentType(MERGE_PATCH)
        .body("{\"passingScoreMin\": 600}")
        .patch("/api/v1/programs/{slug}/exams/{id}", slug, id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("passingScores"));

    // An entry breaking its scale's rules names the entry's field.
    asAdmin()
        .body("{\"passingScores\": [{\"scale\": \"PERCENT\", \"min\": 80, \"max\": 120}]}")
        .post("/api/v1/programs/{slug}/exams", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("passingScores[0].max"));
    asAdmin()
        .body("{\"passingScores\": [{\"min\": 80}]}")
        .post("/api/v1/programs/{slug}/exams", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("passingScores[0].scale"));

    // Clearing both forms leaves no passing score.
    asAdmin()
        .header("If-Match", "\"2\"")
        .contentType(MERGE_PATCH)
        .body(
            "{\"passingScores\": null, \"passingScoreMin\": null, \"passingScoreMax\": null,"
                + " \"passingScoreScale\": null, \"passingScoreScaleMax\": null}")
        .patch("/api/v1/programs/{slug}/exams/{id}", slug, id)
        .then()
        .statusCode(200)
        .body("passingScore", nullValue())
        .body("passingScores.size()", equalTo(0));
  }

  @Test
  void shouldExportWhatTheWritesMade() {
    String provider = createProvider(unique("ctdl-p"));
    String slug = createProgram(unique("ctdl"), provider);
    asAdmin()
        .body(
            """
            {"feeType": "EXAM", "amountMin": 200, "amountMax": 200, "currency": "EUR", "audience": "MEMBER",
             "requiredForAward": true, "validFrom": "2025-01-01", "validTo": "2026-01-01"}
            """)
        .post("/api/v1/programs/{slug}/prices", slug)
        .then()
        .statusCode(201);
    // A date beyond what the catalog stores is the client's mistake, named, not a server error.
    asAdmin()
        .body(
            """
            {"feeType": "EXAM", "amountMin": 1, "amountMax": 1, "currency": "EUR", "audience": "ANY",
             "requiredForAward": true, "validFrom": "2025-01-01", "validTo": "+10000-01-01"}
            """)
        .post("/api/v1/programs/{slug}/prices", slug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("validTo"));
    String before = given().accept(CTDL).get("/api/v1/programs/{slug}", slug).header("ETag");
    given()
        .auth()
        .oauth2(DevTokens.recognitionWriter())
        .contentType("application/json")
        .body(
            Map.of(
                "observations",
                List.of(
                    Map.of(
                        "program", slug,
                        "kind", "ACCREDITATION",
                        "sourceName", "Test Accreditation Board",
                        "sourceUrl", "https://accreditor.example",
                        "region", "US",
                        "requirementLevel", "PREFERRED",
                        "periodStart", "2025-01-01",
                        "periodEnd", "2025-12-31"))))
        .post("/api/v1/recognition/observations")
        .then()
        .statusCode(200)
        .body("created", equalTo(1));

    Response after = given().accept(CTDL).get("/api/v1/programs/{slug}", slug);
    assertThat(after.header("ETag")).isNotEqualTo(before);
    JsonPath doc = after.jsonPath();
    List<Map<String, Object>> graph = doc.getList("'@graph'");
    String ctid = given().get("/api/v1/programs/{slug}", slug).jsonPath().getString("ctid");
    Map<String, Object> credential =
        graph.stream()
            .filter(n -> (RESOURCES + ctid).equals(n.get("@id")))
            .findFirst()
            .orElseThrow();
    @SuppressWarnings("unchecked")
    List<String> accreditors = (List<String>) credential.get("ceterms:accreditedBy");
    assertThat(accreditors).hasSize(1).allMatch(id -> id.startsWith("_:"));
    Map<String, Object> accreditor =
        graph.stream()
            .filter(n -> accreditors.get(0).equals(n.get("@id")))
            .findFirst()
            .orElseThrow();
    assertThat(accreditor)
        .containsEntry("@type", "ceterms:QACredentialOrganization")
        .containsEntry("ceterms:name", Map.of("en", "Test Accreditation Board"))
        .containsEntry("ceterms:subjectWebpage", "https://accreditor.example");

    @SuppressWarnings("unchecked")
    Map<String, Object> cost =
        ((List<Map<String, Object>>) credential.get("ceterms:estimatedCost")).get(0);
    assertThat(cost)
        .containsEntry("ceterms:price", 200.0f)
        .containsEntry("ceterms:currency", "EUR")
        .containsEntry("ceterms:startDate", "2025-01-01")
        .containsEntry("ceterms:endDate", "2025-12-31");
    @SuppressWarnings("unchecked")
    Map<String, Object> audience =
        ((List<Map<String, Object>>) cost.get("ceterms:audienceType")).get(0);
    assertThat(audience).containsEntry("ceterms:targetNode", "audience:Member");
    assertThat(credential)
        .containsEntry("ceterms:inLanguage", List.of("en"))
        .containsEntry("ceterms:alternateName", Map.of("en", List.of("PX")));
  }
}
