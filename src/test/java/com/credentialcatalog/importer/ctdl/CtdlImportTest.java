package com.credentialcatalog.importer.ctdl;

import static com.credentialcatalog.importer.ctdl.CtdlFixtures.latestSeq;
import static com.credentialcatalog.importer.ctdl.CtdlFixtures.load;
import static com.credentialcatalog.importer.ctdl.CtdlFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.credentialcatalog.importer.ctdl.CtdlFixtures.Doc;
import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/v1/imports/ctdl with the tests' own CTDL documents, and what readers see after it. */
@QuarkusTest
class CtdlImportTest {

  @org.junit.jupiter.api.AfterAll
  static void deleteImported() {
    CtdlFixtures.deleteImported();
  }

  private static final String ADMIN = DevTokens.admin();

  private static Doc graph() {
    return load("graph.json", "cert", "org", "vendor", "exam");
  }

  private static JsonPath imported(Doc doc) {
    return post(ADMIN, doc.json(), false).statusCode(200).extract().jsonPath();
  }

  private static Map<String, Object> node(JsonPath report, String ctidOrId) {
    List<Map<String, Object>> nodes = report.getList("nodes");
    return nodes.stream()
        .filter(n -> ctidOrId.equals(n.get("ctid")) || ctidOrId.equals(n.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + ctidOrId + " in " + nodes));
  }

  @Test
  void shouldImportAGraphWithEveryFactItStates() {
    Doc doc = graph();
    JsonPath report = imported(doc);

    assertThat(report.getInt("created")).isEqualTo(5);
    Map<String, Object> cert = node(report, doc.ctid("cert"));
    assertThat(cert).containsEntry("status", "CREATED").containsEntry("entity", "program");
    assertThat(node(report, doc.ctid("org"))).containsEntry("entity", "provider");
    assertThat(node(report, doc.ctid("exam"))).containsEntry("entity", "exam-format");
    assertThat(node(report, "_:qa-body"))
        .containsEntry("entity", "recognition-source")
        .containsEntry("status", "CREATED");
    @SuppressWarnings("unchecked")
    List<String> unmapped = (List<String>) cert.get("unmapped");
    assertThat(unmapped)
        .contains(
            "ceterms:keyword",
            "ceterms:requires/ceterms:creditHourType",
            "ceterms:requires/ceterms:creditHourValue")
        .anyMatch(u -> u.contains("_:not-in-this-document"));
    @SuppressWarnings("unchecked")
    List<String> reasons = (List<String>) cert.get("reasons");
    assertThat(reasons).anyMatch(r -> r.contains("'Galleons'") && r.contains("ISO 4217"));

    String program = (String) cert.get("slug");
    String provider = (String) node(report, doc.ctid("org")).get("slug");
    String vendor = (String) node(report, doc.ctid("vendor")).get("slug");
    JsonPath p =
        given().get("/api/v1/programs/" + program).then().statusCode(200).extract().jsonPath();
    assertThat(p.getString("name")).isEqualTo("Fixture Certified CX Analyst " + doc.run());
    assertThat(p.getString("acronym")).isEqualTo("FCXA-" + doc.run());
    assertThat(p.getList("aliases", String.class))
        .contains("FCXA-" + doc.run(), "Fixture CX Analyst " + doc.run());
    assertThat(p.getString("provider.slug")).isEqualTo(provider);
    assertThat(p.getString("credentialType")).isEqualTo("CERTIFICATION");
    assertThat(p.getList("languages", String.class)).containsExactly("en", "es");
    assertThat(p.getString("website")).isEqualTo("https://fixture-cx.example/analyst");
    assertThat(p.getString("source")).isEqualTo("ctdl-" + doc.ctid("cert"));
    assertThat(
            p.getString(
                "sources.find { it.slug == '" + p.getString("source") + "' }.publishedDate"))
        .isEqualTo("2025-06-30");
    assertThat(p.getString("sources.find { it.slug == '" + p.getString("source") + "' }.url"))
        .isEqualTo("https://credentialengineregistry.org/resources/" + doc.ctid("cert"));
    assertThat(p.getList("prices.source", String.class)).containsOnly(p.getString("source"));

    List<Map<String, Object>> prices = p.getList("prices");
    assertThat(prices)
        .anySatisfy(
            price -> {
              assertThat(price).containsEntry("feeType", "EXAM").containsEntry("currency", "USD");
              assertThat(price).containsEntry("audience", "NON_MEMBER");
              assertThat(price.get("amount").toString()).contains("300").contains("400");
              assertThat(price).containsEntry("validFrom", "2025-01-01");
            })
        .anySatisfy(
            price -> {
              assertThat(price)
                  .containsEntry("feeType", "RENEWAL")
                  .containsEntry("currency", "USD");
              assertThat(price.get("amount").toString()).contains("125.5");
            })
        .hasSize(2);

    assertThat(p.getList("eligibility.name", String.class))
        .containsExactly("Experienced", "Graduate");
    assertThat(p.getList("eligibility[0].conditions.kind", String.class))
        .containsExactly("MIN_AGE", "EXPERIENCE_MONTHS");
    assertThat(p.getInt("eligibility[0].conditions[1].value.min")).isEqualTo(24);
    assertThat(p.getString("eligibility[1].conditions[0].description"))
        .isEqualTo("Holds a degree in business");

    assertThat(p.getInt("renewal.cycleYears.min")).isEqualTo(3);
    assertThat(p.getInt("renewal.credits.min")).isEqualTo(60);
    assertThat(p.getString("renewal.creditUnit")).isEqualTo("CEU");

    assertThat(p.getString("exams[0].name")).isEqualTo("FCXA exam " + doc.run());
    assertThat(p.getInt("exams[0].durationMinutes.min")).isEqualTo(90);
    assertThat(p.getList("exams[0].proctoring", String.class)).containsExactly("REMOTE");
    assertThat(p.getList("exams[0].testVendors.slug", String.class)).containsExactly(vendor);

    given()
        .get("/api/v1/providers/" + provider)
        .then()
        .statusCode(200)
        .body("name", equalTo("Fixture CX Institute " + doc.run()))
        .body("kind", equalTo("PROFESSIONAL_ASSOCIATION"))
        .body("website", equalTo("https://fixture-cx-" + doc.run() + ".example"));
    given()
        .get("/api/v1/programs/" + program + "/recognition")
        .then()
        .statusCode(200)
        .body("signals.sourceName", hasItem("Fixture Quality Council " + doc.run()))
        .body("signals.kind", hasItem("EMPLOYER_RECOGNITION"));
  }

  @Test
  void shouldChangeNothingWhenTheSameDocumentIsPostedAgain() {
    Doc doc = graph();
    JsonPath first = imported(doc);
    String program = (String) node(first, doc.ctid("cert")).get("slug");
    String etag = given().get("/api/v1/programs/" + program).then().extract().header("ETag");
    long seq = latestSeq();

    JsonPath again = imported(doc);

    assertThat(again.getInt("created")).isZero();
    assertThat(again.getInt("updated")).isZero();
    assertThat(again.getInt("unchanged")).isEqualTo(5);
    assertThat(latestSeq()).as("no change events").isEqualTo(seq);
    given().get("/api/v1/programs/" + program).then().header("ETag", equalTo(etag));
  }

  @Test
  void shouldUpdateWhatTheRecordNowStatesDifferently() {
    Doc doc = graph();
    String program = (String) node(imported(doc), doc.ctid("cert")).get("slug");
    long seq = latestSeq();

    JsonPath changed =
        imported(doc.replace("A fixture credential written", "A changed credential written"));

    assertThat(node(changed, doc.ctid("cert"))).containsEntry("status", "UPDATED");
    assertThat(latestSeq()).isGreaterThan(seq);
    given()
        .get("/api/v1/programs/" + program)
        .then()
        .body("description", equalTo("A changed credential written for the import tests."));
  }

  @Test
  void shouldAnswerADryRunWithoutWriting() {
    Doc doc = graph();
    long seq = latestSeq();

    JsonPath report = post(ADMIN, doc.json(), true).statusCode(200).extract().jsonPath();

    assertThat(report.getBoolean("dryRun")).isTrue();
    assertThat(report.getInt("created")).isEqualTo(5);
    String program = (String) node(report, doc.ctid("cert")).get("slug");
    given().get("/api/v1/programs/" + program).then().statusCode(404);
    assertThat(latestSeq()).isEqualTo(seq);
    // The real import afterwards still creates everything: the dry run left no trace.
    assertThat(imported(doc).getInt("created")).isEqualTo(5);
  }

  @Test
  void shouldReadTheLegacyFormAndResolveAnOwnerTheCatalogHolds() {
    Doc owner = graph();
    String provider = (String) node(imported(owner), owner.ctid("org")).get("slug");
    Doc legacy = load("legacy-resource.json", "cert").replace("ce-org", owner.ctid("org"));

    JsonPath report = imported(legacy);

    Map<String, Object> cert = node(report, legacy.ctid("cert"));
    assertThat(cert).containsEntry("status", "CREATED");
    JsonPath p =
        given()
            .get("/api/v1/programs/" + cert.get("slug"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(p.getString("name")).isEqualTo("Fixture Legacy Certificate " + legacy.run());
    assertThat(p.getString("provider.slug")).isEqualTo(provider);
    assertThat(p.getList("languages", String.class)).containsExactly("en");
    assertThat(p.getString("prices[0].feeType")).isEqualTo("RENEWAL");
    assertThat(p.getString("prices[0].currency")).isEqualTo("USD");
    assertThat(p.getString("renewal.note")).isEqualTo("Renew every year.");
  }

  @Test
  void shouldImportWithoutProviderAndSayWhichOwnerItCouldNotResolve() {
    Doc legacy = load("legacy-resource.json", "cert", "org");

    Map<String, Object> cert = node(imported(legacy), legacy.ctid("cert"));

    assertThat(cert).containsEntry("status", "CREATED");
    assertThat(cert.get("unmapped").toString())
        .contains(legacy.ctid("org"))
        .contains("not in the document or the catalog");
    given().get("/api/v1/programs/" + cert.get("slug")).then().body("provider", equalTo(null));
  }

  @Test
  void shouldTakeTheRecordOfARegistryEnvelope() {
    Doc envelope = load("envelope.json", "org");

    Map<String, Object> org = node(imported(envelope), envelope.ctid("org"));

    assertThat(org).containsEntry("status", "CREATED");
    given()
        .get("/api/v1/providers/" + org.get("slug"))
        .then()
        .body("kind", equalTo("STANDARDS_BODY"))
        .body("source.slug", equalTo("ctdl-" + envelope.ctid("org")))
        .body("source.publishedDate", equalTo("2019-02-19"));
  }

  @Test
  void shouldRejectBadDocumentsNamingTheNodeAndProperty() {
    post(ADMIN, "[1, 2]", false).statusCode(400).body("errors[0].field", equalTo("body"));
    post(ADMIN, "{\"@graph\": {\"@type\": \"ceterms:Certification\"}}", false)
        .statusCode(400)
        .body("errors[0].field", equalTo("@graph"));
    post(ADMIN, "{\"@graph\": [{\"@id\": \"_:b0\", \"ceterms:name\": \"x\"}]}", false)
        .statusCode(400)
        .body("errors[0].field", equalTo("_:b0 @type"));
    post(
            ADMIN,
            """
            {"@id": "https://credentialengineregistry.org/resources/ce-3f2504e0-4f89-41d3-9a0c-0305e82c3301",
             "@type": "ceterms:Certification", "ceterms:description": "no name"}""",
            false)
        .statusCode(400)
        .body(
            "errors[0].field",
            equalTo(
                "https://credentialengineregistry.org/resources/ce-3f2504e0-4f89-41d3-9a0c-0305e82c3301 ceterms:name"));
    post(
            ADMIN,
            "{\"@id\": \"_:c\", \"@type\": \"ceterms:Certification\", \"ceterms:ctid\": \"ce-nope\", \"ceterms:name\": \"x\"}",
            false)
        .statusCode(400)
        .body("errors[0].field", equalTo("_:c ceterms:ctid"));
    post(ADMIN, "{\"@graph\": [", false).statusCode(400);
    post(ADMIN, "", false).statusCode(400);
  }

  @Test
  void shouldRefuseDocumentsBeyondItsBounds() {
    String big =
        "{\"@type\": \"ceterms:Certification\", \"ceterms:name\": \"" + "x".repeat(600_000) + "\"}";
    post(ADMIN, big, false).statusCode(413).body("detail", containsString("524288 bytes"));
    StringBuilder many = new StringBuilder("{\"@graph\": [");
    for (int i = 0; i < 501; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"@id\": \"_:n")
          .append(i)
          .append("\", \"@type\": \"ceterms:Place\"}");
    }
    post(ADMIN, many.append("]}").toString(), false)
        .statusCode(400)
        .body("errors[0].field", equalTo("@graph"))
        .body("detail", containsString("at most 500"));
  }

  @Test
  void shouldLetAProviderEditorImportOnlyForItsOwnProviders() {
    Doc doc = graph();
    long seq = latestSeq();
    JsonPath foreign =
        post(DevTokens.editorOf("some-other-provider"), doc.json(), false)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(foreign.getInt("created")).isZero();
    assertThat(node(foreign, doc.ctid("org")).get("reasons").toString())
        .contains("only catalog-admin may create providers");
    assertThat(node(foreign, doc.ctid("cert"))).containsEntry("status", "REJECTED");
    assertThat(latestSeq()).isEqualTo(seq);

    JsonPath first = imported(doc);
    String provider = (String) node(first, doc.ctid("org")).get("slug");
    JsonPath own =
        post(
                DevTokens.editorOf(provider),
                doc.replace("A fixture credential written", "An editor's credential written")
                    .json(),
                false)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(node(own, doc.ctid("cert"))).containsEntry("status", "UPDATED");
    assertThat(node(own, doc.ctid("org"))).containsEntry("status", "UNCHANGED");
  }

  @Test
  void shouldRefuseAnonymousAndOtherRoles() {
    String body = graph().json();
    post(null, body, false).statusCode(401);
    post(DevTokens.recognitionWriter(), body, false).statusCode(403);
  }
}
