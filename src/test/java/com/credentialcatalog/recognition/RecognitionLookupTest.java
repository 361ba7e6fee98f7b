package com.credentialcatalog.recognition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/v1/recognition/lookup over strings as they appear in real job ads. */
@QuarkusTest
class RecognitionLookupTest {

  private static JsonPath lookup(List<String> names) {
    return given()
        .contentType("application/json")
        .body(Map.of("names", names))
        .post("/api/v1/recognition/lookup")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** input | expected best program (NONE = no candidate) | EXACT or FUZZY */
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      CCXP | ccxp | EXACT
      ccxp | ccxp | EXACT
      CCXP® | ccxp | EXACT
      C.C.X.P. | ccxp | EXACT
      `CCXP certified` | ccxp | EXACT
      CCXP Certification | ccxp | EXACT
      `  ccxp  ` | ccxp | EXACT
      Certified Customer Experience Professional | ccxp | EXACT
      Certified Customer Experience Professional (CCXP) | ccxp | FUZZY
      certified customer experiance professional | ccxp | FUZZY
      Certified Customer Experience Professional™ | ccxp | EXACT
      HDI-SCA | hdi-support-center-analyst | EXACT
      HDI SCA | hdi-support-center-analyst | EXACT
      hdi sca certification | hdi-support-center-analyst | EXACT
      HDI Support Center Analyst | hdi-support-center-analyst | EXACT
      HDI Support Centre Analyst | hdi-support-center-analyst | FUZZY
      HDI-SCTL | hdi-support-center-team-lead | EXACT
      HDI Support Center Team Lead certification | hdi-support-center-team-lead | EXACT
      HDI-CSR | hdi-customer-service-representative | EXACT
      hdi csr | hdi-customer-service-representative | EXACT
      HDI Customer Service Rep | hdi-customer-service-representative | FUZZY
      COPC | copc-certification | EXACT
      COPC Certified | copc-certification | EXACT
      COPC CX Standard | copc-certification | EXACT
      ICMI Frontline Certificate | icmi-frontline-certificate | EXACT
      ICMI Management Certification | icmi-management-certificate | EXACT
      ICMI Management Certificate | icmi-management-certificate | EXACT
      ICMI AI in the Contact Center | icmi-ai-in-the-contact-center | EXACT
      Artificial Intelligence in the Contact Center | icmi-ai-in-the-contact-center | EXACT
      eCornell Customer Service Certificate | ecornell-customer-service-certificate | EXACT
      Cornell Customer Service Certificate | ecornell-customer-service-certificate | EXACT
      eCornell CX Strategy Certificate | ecornell-cx-strategy-certificate | EXACT
      Customer Service Leadership Certification | customer-service-leadership-certification | EXACT
      customer service leadership | customer-service-leadership-certification | EXACT
      Certified Customer Service Professional | certified-customer-service-professional | EXACT
      Certified Customer Service Professional (CCSP) | certified-customer-service-professional | EXACT
      Certified Cloud Security Professional | certified-cloud-security-professional | EXACT
      (ISC)² CCSP | certified-cloud-security-professional | EXACT
      ISC2 CCSP | certified-cloud-security-professional | EXACT
      PMP | NONE | NONE
      Forklift license | NONE | NONE
      CompTIA A+ | NONE | NONE
      ®™ | NONE | NONE
      `` | NONE | NONE
      """)
  void shouldFindTheProgramAJobAdMeans(String input, String expected, String matchType) {
    JsonPath r = lookup(List.of(input == null ? "" : input));
    if (expected.equals("NONE")) {
      assertThat(r.getList("results[0].candidates")).as(input).isEmpty();
      return;
    }
    assertThat(r.getString("results[0].candidates[0].program")).as(input).isEqualTo(expected);
    assertThat(r.getString("results[0].candidates[0].matchType")).as(input).isEqualTo(matchType);
    double confidence = r.getDouble("results[0].candidates[0].confidence");
    assertThat(confidence).isBetween(0.45, 1.0);
    if (matchType.equals("EXACT")) {
      assertThat(confidence).isEqualTo(1.0);
    }
  }

  @Test
  void shouldReturnBothCcspHomonymsFlaggedAmbiguousWithWhatTellsThemApart() {
    for (String ccsp : List.of("CCSP", "ccsp", "CCSP®", "C.C.S.P.", "CCSP certification")) {
      JsonPath r = lookup(List.of(ccsp));
      assertThat(r.getBoolean("results[0].ambiguous")).as(ccsp).isTrue();
      assertThat(r.getList("results[0].candidates.program", String.class))
          .as(ccsp)
          .containsExactlyInAnyOrder(
              "certified-customer-service-professional", "certified-cloud-security-professional");
      List<String> hints = r.getList("results[0].candidates.distinguishedBy", String.class);
      assertThat(hints).anySatisfy(h -> assertThat(h).contains("issued by (ISC)²"));
      assertThat(hints).anySatisfy(h -> assertThat(h).contains("no single issuer"));
    }
  }

  @Test
  void shouldAnswerEveryNameOfABatchInOrderWithItsNormalizedForm() {
    List<String> names =
        new ArrayList<>(List.of("CCXP®", "nothing at all", "HDI-SCA Certification"));
    JsonPath r = lookup(names);
    assertThat(r.getList("results.input", String.class)).containsExactlyElementsOf(names);
    assertThat(r.getList("results.normalized", String.class))
        .containsExactly("ccxp", "nothing at all", "hdi sca");
    assertThat(r.getBoolean("results[0].ambiguous")).isFalse();
    assertThat(r.getFloat("similarityThreshold")).isEqualTo(0.45f);
  }

  @Test
  void shouldBoundTheBatch() {
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add("name " + i);
    }
    given()
        .contentType("application/json")
        .body(Map.of("names", tooMany))
        .post("/api/v1/recognition/lookup")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", containsString("names"));
    given()
        .contentType("application/json")
        .body(Map.of("names", List.of("x".repeat(201))))
        .post("/api/v1/recognition/lookup")
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/recognition/lookup")
        .then()
        .statusCode(400)
        .body("status", equalTo(400));
  }

  @Test
  void shouldAnswerAFullBatchOf500() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      names.add(i % 2 == 0 ? "CCXP" : "unknown thing " + i);
    }
    JsonPath r = lookup(names);
    assertThat(r.getList("results")).hasSize(500);
    assertThat(r.getString("results[498].candidates[0].program")).isEqualTo("ccxp");
  }
}
