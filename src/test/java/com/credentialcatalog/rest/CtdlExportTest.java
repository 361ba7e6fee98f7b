package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CTDL export over HTTP, for seed programs and providers. */
@QuarkusTest
class CtdlExportTest {

  static final String CTDL = "application/ld+json; profile=\"https://credreg.net/ctdl/schema/\"";
  static final String CCSP = "certified-customer-service-professional";
  static final String RESOURCES = "https://credentialengineregistry.org/resources/";

  @Test
  void shouldAnswerCtdlToTheCtdlProfile() {
    Response r = given().accept(CTDL).get("/api/v1/programs/{slug}", "ccxp");
    r.then()
        .statusCode(200)
        .contentType(containsString("application/ld+json"))
        .header("Content-Type", containsString("profile=\"https://credreg.net/ctdl/schema/\""))
        .body("'@context'", equalTo("https://credreg.net/ctdl/schema/context/json"));
    String ctid = given().get("/api/v1/programs/ccxp").jsonPath().getString("ctid");
    Map<String, Object> credential = node(r.jsonPath(), RESOURCES + ctid);
    assertThat(credential)
        .containsEntry("@type", "ceterms:Certification")
        .containsEntry("ceterms:ctid", ctid)
        .containsEntry("ceterms:name", Map.of("en", "Certified Customer Experience Professional"))
        .containsEntry("ceterms:subjectWebpage", "https://cxpa.org");
    String owner =
        given()
            .accept(CTDL)
            .get("/api/v1/providers/cxpa")
            .jsonPath()
            .getString("'@graph'[0].'@id'");
    assertThat(credential.get("ceterms:ownedBy")).isEqualTo(List.of(owner));
    assertThat(node(r.jsonPath(), owner))
        .containsEntry("@type", "ceterms:CredentialOrganization")
        .containsEntry(
            "ceterms:name", Map.of("en", "Customer Experience Professionals Association"));
  }

  @Test
  void shouldKeepAnsweringSchemaOrgToPlainJsonLd() {
    given()
        .accept("application/ld+json")
        .get("/api/v1/programs/ccxp")
        .then()
        .statusCode(200)
        .body("'@context'", equalTo("https://schema.org"))
        .body("'@type'", equalTo("EducationalOccupationalCredential"));
  }

  @Test
  void shouldServeTheSameDocumentAtThePlainUrl() {
    Object negotiated = given().accept(CTDL).get("/api/v1/programs/{slug}", CCSP).as(Object.class);
    given()
        .get("/api/v1/programs/{slug}/ctdl", CCSP)
        .then()
        .statusCode(200)
        .header("Content-Type", containsString("profile=\"https://credreg.net/ctdl/schema/\""));
    assertThat(given().get("/api/v1/programs/{slug}/ctdl", CCSP).as(Object.class))
        .isEqualTo(negotiated);
    given()
        .accept("application/json")
        .get("/api/v1/programs/{slug}/ctdl", CCSP)
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  @Test
  void shouldMapTheCcspFacts() {
    JsonPath doc = given().accept(CTDL).get("/api/v1/programs/{slug}", CCSP).jsonPath();
    JsonPath rest = given().get("/api/v1/programs/{slug}", CCSP).jsonPath();
    Map<String, Object> c = node(doc, RESOURCES + rest.getString("ctid"));
    assertThat(c).doesNotContainKey("ceterms:ownedBy"); // the guide names no issuing body
    assertThat(c.get("ceterms:alternateName"))
        .isEqualTo(
            Map.of(
                "en",
                List.of(
                    "CCSP",
                    "Certified Customer Service Professional (CCSP)",
                    "CCSP Associate",
                    "CCSP Professional")));
    assertThat(c).containsEntry("ceterms:renewalFrequency", "P2Y");
    assertThat(c.get("ceterms:inLanguage")).isNull();

    List<Map<String, Object>> costs = list(c.get("ceterms:estimatedCost"));
    Map<String, Object> exam =
        costs.stream()
            .filter(x -> x.get("ceterms:name").equals(Map.of("en", "Exam fee")))
            .findFirst()
            .orElseThrow();
    assertThat(exam)
        .containsEntry("ceterms:price", 150.0f)
        .containsEntry("ceterms:currency", "USD")
        .containsEntry("ceterms:startDate", "2024-01-01");
    assertThat(text(exam.get("ceterms:description")))
        .startsWith("Exam fee, typical U.S. market 2024.")
        .contains("Catalog notes: Price range: 150.00 to 375.00 USD.");
    assertThat(map(exam.get("ceterms:directCostType")))
        .containsEntry("ceterms:targetNode", "costType:StandaloneAssessment")
        .containsEntry("ceterms:framework", "https://credreg.net/ctdl/terms/CostType");
    assertThat(costs)
        .as("the renewal fee is the renewal's cost, not the credential's")
        .noneMatch(x -> x.get("ceterms:name").equals(Map.of("en", "Renewal fee")));

    List<Map<String, Object>> requires = list(c.get("ceterms:requires"));
    List<Map<String, Object>> routes = list(requires.get(0).get("ceterms:alternativeCondition"));
    assertThat(routes).hasSize(4);
    assertThat(routes.get(0))
        .containsEntry("ceterms:name", Map.of("en", "Customer-facing experience"))
        .containsEntry("ceterms:minimumAge", 18)
        .containsEntry("ceterms:yearsOfExperience", 0.5f);
    assertThat(routes.get(3)).containsEntry("ceterms:yearsOfExperience", 1);
    String examCtid = rest.getString("exams[0].ctid");
    assertThat(requires.get(1).get("ceterms:targetAssessment"))
        .isEqualTo(List.of(RESOURCES + examCtid));

    Map<String, Object> renewal = list(c.get("ceterms:renewal")).get(0);
    Map<String, Object> credits = list(renewal.get("ceterms:creditValue")).get(0);
    assertThat(credits).containsEntry("schema:minValue", 12).containsEntry("schema:maxValue", 24);
    assertThat(list(credits.get("ceterms:creditUnitType")).get(0))
        .containsEntry("ceterms:targetNode", "creditUnit:ContinuingEducationUnit");
    assertThat(list(renewal.get("ceterms:estimatedCost")).get(0))
        .containsEntry("ceterms:price", 99.0f);
    assertThat(text(renewal.get("ceterms:description"))).contains("Renewal cycle: 2 to 3 years.");

    Map<String, Object> assessment = node(doc, RESOURCES + examCtid);
    assertThat(assessment)
        .containsEntry("@type", "ceterms:AssessmentProfile")
        .containsEntry("ceterms:ctid", examCtid)
        .containsEntry("ceterms:isProctored", true);
    assertThat(list(assessment.get("ceterms:estimatedDuration")).get(0))
        .containsEntry("ceterms:minimumDuration", "PT90M")
        .containsEntry("ceterms:maximumDuration", "PT120M");
    assertThat(text(assessment.get("ceterms:scoringMethodDescription")))
        .isEqualTo("Passing score: 70 to 75 percent; or 700 of 1000 on a scaled score.");
    assertThat(text(assessment.get("ceterms:assessmentMethodDescription")))
        .isEqualTo("60 to 120 questions; multiple choice 60 to 75%, scenario 20 to 30%.");
    assertThat(text(assessment.get("ceterms:description")))
        .contains("Retakes: up to 3 attempts within 12 months, 14 days between attempts.")
        .contains("Accommodation: up to 30 extra minutes.");
    assertThat(
            list(assessment.get("ceterms:deliveryType")).stream()
                .map(x -> x.get("ceterms:targetNode")))
        .containsExactly("deliveryType:OnlineOnly", "deliveryType:InPerson");
    List<String> vendors = strings(assessment.get("ceterms:offeredBy"));
    assertThat(vendors).hasSize(2);
    for (String vendor : vendors) {
      assertThat(node(doc, vendor)).containsEntry("@type", "ceterms:CredentialOrganization");
    }
  }

  @Test
  void shouldExportAProviderThatOwnsItsPrograms() {
    JsonPath doc =
        given()
            .accept(CTDL)
            .get("/api/v1/providers/hdi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> org = doc.getMap("'@graph'[0]");
    assertThat(org).containsEntry("@type", "ceterms:CredentialOrganization");
    Set<String> owned =
        given()
            .get("/api/v1/providers/hdi/programs")
            .jsonPath()
            .getList("items.slug", String.class)
            .stream()
            .map(
                s ->
                    RESOURCES
                        + given().get("/api/v1/programs/{slug}", s).jsonPath().getString("ctid"))
            .collect(Collectors.toSet());
    assertThat(new HashSet<>(strings(org.get("ceterms:owns")))).isEqualTo(owned).hasSize(3);
    assertThat(given().get("/api/v1/providers/hdi/ctdl").as(Object.class))
        .isEqualTo(given().accept(CTDL).get("/api/v1/providers/hdi").as(Object.class));
    given()
        .get("/api/v1/providers/hdi")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("slug", equalTo("hdi"));
  }

  @Test
  void shouldExportTheWholeCatalogAsOneGraph() {
    Response r = given().get("/api/v1/export/ctdl");
    r.then()
        .statusCode(200)
        .header("Content-Type", containsString("profile=\"https://credreg.net/ctdl/schema/\""));
    List<Map<String, Object>> graph = r.jsonPath().getList("'@graph'");
    List<Object> ids = graph.stream().map(n -> n.get("@id")).toList();
    assertThat(ids).doesNotHaveDuplicates();
    int providers = given().get("/api/v1/providers?limit=100").jsonPath().getList("items").size();
    int exams = 0;
    // Other tests of this run add programs, some without a provider: count what is there now.
    int owned = 0;
    for (String slug :
        given().get("/api/v1/programs?limit=100").jsonPath().getList("items.slug", String.class)) {
      io.restassured.path.json.JsonPath detail =
          given().get("/api/v1/programs/{slug}", slug).jsonPath();
      assertThat(ids).contains(RESOURCES + detail.getString("ctid"));
      exams += detail.getList("exams").size();
      owned += detail.get("provider") == null ? 0 : 1;
    }
    assertThat(
            graph.stream()
                .filter(
                    n ->
                        "ceterms:CredentialOrganization".equals(n.get("@type"))
                            && n.get("ceterms:ctid") != null))
        .hasSize(providers);
    assertThat(graph.stream().filter(n -> "ceterms:AssessmentProfile".equals(n.get("@type"))))
        .hasSize(exams);
    assertThat(
            graph.stream()
                .filter(
                    n ->
                        n.containsKey("ceterms:ownedBy")
                            && !"ceterms:AssessmentProfile".equals(n.get("@type")))
                .count())
        .as("every program with a provider has an owner")
        .isEqualTo(owned);
  }

  @Test
  void shouldAnswer404ProblemsForUnknownSlugs() {
    for (String path :
        List.of(
            "/api/v1/programs/no-such-program/ctdl", "/api/v1/providers/no-such-provider/ctdl")) {
      given()
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", equalTo(404));
    }
    given()
        .accept(CTDL)
        .get("/api/v1/programs/no-such-program")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswer406ToMediaTypesItCannotProduce() {
    given()
        .accept("text/csv")
        .get("/api/v1/programs/{slug}/ctdl", CCSP)
        .then()
        .statusCode(406)
        .contentType("application/problem+json")
        .body("detail", containsString("JSON-LD"));
    given().accept("text/csv").get("/api/v1/export/ctdl").then().statusCode(406);
  }

  @Test
  void shouldRevalidateWithEtags() {
    Response first = given().accept(CTDL).get("/api/v1/programs/{slug}", CCSP);
    String etag = first.header("ETag");
    assertThat(etag).isNotBlank();
    given()
        .accept(CTDL)
        .header("If-None-Match", etag)
        .get("/api/v1/programs/{slug}", CCSP)
        .then()
        .statusCode(304);
    String schemaOrg =
        given().accept("application/ld+json").get("/api/v1/programs/{slug}", CCSP).header("ETag");
    assertThat(schemaOrg).isNotEqualTo(etag);
    String export = given().get("/api/v1/export/ctdl").header("ETag");
    given().header("If-None-Match", export).get("/api/v1/export/ctdl").then().statusCode(304);
  }

  static Map<String, Object> node(JsonPath doc, String id) {
    List<Map<String, Object>> graph = doc.getList("'@graph'");
    return graph.stream()
        .filter(n -> id.equals(n.get("@id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + id + " in " + graph));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object value) {
    return (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  static String text(Object languageMap) {
    return (String) map(languageMap).get("en");
  }
}
