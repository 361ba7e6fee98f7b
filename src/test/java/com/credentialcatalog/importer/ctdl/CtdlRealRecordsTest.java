package com.credentialcatalog.importer.ctdl;

import static com.credentialcatalog.importer.ctdl.CtdlFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The six real Credential Registry records of ../shared/ctdl-samples (read in place, never copied
 * here): each imports without a 5xx, and what it states is readable through the REST API
 * afterwards. Skipped, saying why, where the folder is missing; {@code -Dctdl.samples.dir} points
 * elsewhere.
 */
@QuarkusTest
class CtdlRealRecordsTest {

  @org.junit.jupiter.api.AfterAll
  static void deleteImported() {
    CtdlFixtures.deleteImported();
  }

  private static final String ADMIN = DevTokens.admin();
  private static final String NOCTI = "ce-6a62b250-a1a2-4d31-a702-cdc2437efd31";
  private static Path samples;

  @BeforeAll
  static void samplesFolder() {
    samples = Path.of(System.getProperty("ctdl.samples.dir", "../shared/ctdl-samples"));
    Assumptions.assumeTrue(
        Files.isDirectory(samples),
        "the real CTDL records are not here ("
            + samples.toAbsolutePath()
            + "); set -Dctdl.samples.dir");
  }

  private static JsonPath imported(String file) {
    String body;
    try {
      body = Files.readString(samples.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
    return post(ADMIN, body, false).statusCode(200).extract().jsonPath();
  }

  private static Map<String, Object> first(JsonPath report) {
    return report.getMap("nodes[0]");
  }

  private static JsonPath program(Map<String, Object> node) {
    return given()
        .get("/api/v1/programs/" + node.get("slug"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String noctiSlug() {
    Map<String, Object> org = first(imported("nocti-organization.graph.json"));
    assertThat(org).containsEntry("ctid", NOCTI).containsEntry("entity", "provider");
    return (String) org.get("slug");
  }

  @Test
  void nocti_organization_becomes_a_provider_and_its_accreditor_is_reported() {
    JsonPath report = imported("nocti-organization.graph.json");
    Map<String, Object> org = first(report);
    assertThat(org.get("status")).isIn("CREATED", "UNCHANGED");
    given()
        .get("/api/v1/providers/" + org.get("slug"))
        .then()
        .statusCode(200)
        .body("name", equalTo("NOCTI"))
        .body("kind", equalTo("TEST_VENDOR"));
    assertThat(org.get("unmapped").toString()).contains("ceterms:accreditedBy", "ceterms:duns");
    // The blank-node accreditor (ICAC) is named by the organization, not by a credential.
    assertThat(report.getString("nodes[1].status")).isEqualTo("REJECTED");
  }

  @Test
  void nocti_certification_keeps_name_alternate_name_owner_conditions_renewal_and_recognizers() {
    String nocti = noctiSlug();
    JsonPath report = imported("nocti-21st-century-skills-certification.graph.json");
    Map<String, Object> cert = first(report);
    assertThat(cert).containsEntry("ctid", "ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b");
    assertThat(cert.get("status")).isIn("CREATED", "UNCHANGED", "UPDATED");
    assertThat(cert.get("unmapped").toString())
        .contains("ceterms:creditHourType", "ceterms:creditHourValue");
    assertThat(cert.get("reasons").toString()).contains("no ceterms:price");

    JsonPath p = program(cert);
    assertThat(p.getString("name")).isEqualTo("21st Century Skills for Workplace Success");
    assertThat(p.getList("aliases", String.class)).contains("Test Code 1437");
    // ownedBy names NOCTI under /graph/ with an upper-case CTID; the provider has it lower-case.
    assertThat(p.getString("provider.slug")).isEqualTo(nocti);
    assertThat(p.getList("languages", String.class)).containsExactly("en");
    assertThat(p.getString("eligibility[0].name"))
        .isEqualTo("21st Century Skills for Workplace Success");
    assertThat(p.getString("renewal.note")).contains("meet or exceed the benchmark");
    List<String> recognizers =
        given()
            .get("/api/v1/programs/" + cert.get("slug") + "/recognition")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("signals.sourceName", String.class);
    assertThat(recognizers)
        .contains(
            "National College Credit Recommendation Service (NCCRS)",
            "Asia Society",
            "Association for Career and Technical Education (ACTE)",
            "International Sign Association (ISA)");
  }

  @Test
  void nocti_assessment_alone_is_rejected_with_a_reason_not_a_server_error() {
    Map<String, Object> exam = first(imported("nocti-health-informatics-assessment.graph.json"));
    assertThat(exam).containsEntry("status", "REJECTED");
    assertThat(exam.get("reasons").toString()).contains("targetAssessment");
  }

  @Test
  void comptia_a_plus_imports_without_its_owner_which_it_names_as_unresolved() {
    Map<String, Object> cert = first(imported("comptia-a-plus-certification.resource.json"));
    assertThat(cert.get("status")).isIn("CREATED", "UNCHANGED");
    assertThat(cert.get("unmapped").toString())
        .contains("ce-186fbc60-47e3-4616-b160-72cac9e78f54", "not in the document or the catalog");
    JsonPath p = program(cert);
    assertThat(p.getString("name")).isEqualTo("CompTIA A+");
    assertThat(p.getString("status")).isEqualTo("ACTIVE");
    assertThat(p.getList("languages", String.class)).containsExactly("en");
  }

  @Test
  void nbcot_legacy_record_keeps_its_renewal_fee_in_iso_currency_and_its_conditions() {
    Map<String, Object> cert = first(imported("nbcot-cota-certification-legacy-2017.json"));
    assertThat(cert.get("status")).isIn("CREATED", "UNCHANGED");
    JsonPath p = program(cert);
    assertThat(p.getString("name")).isEqualTo("Certified Occupational Therapy Assistant (COTA®)");
    assertThat(p.getList("languages", String.class)).containsExactly("en");
    assertThat(p.getString("prices[0].feeType")).isEqualTo("RENEWAL");
    assertThat(p.getString("prices[0].currency")).isEqualTo("USD");
    assertThat(p.getString("prices[0].amount.min")).startsWith("65");
    assertThat(p.getString("renewal.note")).contains("36 units");
    assertThat(p.getList("eligibility.conditions.flatten().description", String.class))
        .anyMatch(d -> d != null && d.contains("accredited/approved entry-level"));
  }

  @Test
  void wgu_degree_imports_as_a_degree_with_its_name_alternate_name_and_conditions() {
    Map<String, Object> degree = first(imported("wgu-bs-accounting-degree.resource.json"));
    assertThat(degree.get("status")).isIn("CREATED", "UNCHANGED");
    // /resources/ gives the main node only: WGU and its accreditor are not in the document.
    assertThat(degree.get("unmapped").toString())
        .contains(
            "ce-036d082d-d80e-41a7-99a0-2d63a4ad3a4a", "_:7ce97f7f-7820-b83d-b30f-19339fda4b07");
    JsonPath p = program(degree);
    assertThat(p.getString("name")).isEqualTo("Bachelor of Science, Accounting (BSACC_202503)");
    assertThat(p.getString("credentialType")).isEqualTo("DEGREE");
    assertThat(p.getList("aliases", String.class)).contains("BSACC_202503");
    assertThat(p.getList("languages", String.class)).containsExactly("en");
    assertThat(p.getString("website"))
        .isEqualTo("https://www.wgu.edu/online-business-degrees/bachelors-programs.html");
    // Its tuition profile states no amount: no price is invented.
    assertThat(p.getList("prices")).isEmpty();
  }
}
