package com.credentialcatalog.recognition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NDJSON export and the schema.org JSON-LD view of a program. */
@QuarkusTest
class ExportAndJsonLdTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldExportTheWholeCatalogWithTheFeedSequenceItIsConsistentWith() throws Exception {
    var response =
        given()
            .get("/api/v1/export")
            .then()
            .statusCode(200)
            .contentType("application/x-ndjson")
            .extract();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : response.asString().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines.get(0).get("type").asText()).isEqualTo("export");
    long feedSequence = lines.get(0).get("data").get("feedSequence").asLong();
    long latest = given().get("/api/v1/changes?limit=1").jsonPath().getLong("latestSeq");
    assertThat(feedSequence).isPositive().isLessThanOrEqualTo(latest);
    JsonNode end = lines.get(lines.size() - 1);
    assertThat(end.get("type").asText()).isEqualTo("end");
    assertThat(end.get("data").get("records").asLong()).isEqualTo(lines.size() - 2);
    long programs = lines.stream().filter(l -> l.get("type").asText().equals("program")).count();
    int listed = given().get("/api/v1/programs?limit=1").jsonPath().getInt("totalCount");
    assertThat(programs).isEqualTo(listed);
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.get("type").asText()).isEqualTo("program");
              assertThat(l.get("data").get("slug").asText()).isEqualTo("ccxp");
              assertThat(
                      l.get("data").get("exams").get(0).get("durationMinutes").get("min").asInt())
                  .isEqualTo(120);
            });
    assertThat(lines).anySatisfy(l -> assertThat(l.get("type").asText()).isEqualTo("provider"));
    assertThat(lines).anySatisfy(l -> assertThat(l.get("type").asText()).isEqualTo("source"));
  }

  @Test
  void shouldDescribeAProgramAsASchemaOrgCredential() throws Exception {
    String body =
        given()
            .header("Accept", "application/ld+json")
            .get("/api/v1/programs/certified-customer-service-professional")
            .then()
            .statusCode(200)
            .contentType("application/ld+json")
            .extract()
            .asString();
    JsonNode doc = json.readTree(body);
    assertThat(doc.get("@context").asText()).isEqualTo("https://schema.org");
    assertThat(doc.get("@type").asText()).isEqualTo("EducationalOccupationalCredential");
    assertThat(doc.get("name").asText()).isEqualTo("Certified Customer Service Professional");
    assertThat(doc.get("alternateName").toString()).contains("CCSP");
    assertThat(doc.get("credentialCategory").get("termCode").asText()).isEqualTo("CERTIFICATION");
    assertThat(doc.get("educationalLevel").get("termCode").asText()).isEqualTo("PROFESSIONAL");
    assertThat(doc.get("competencyRequired").size()).isEqualTo(8);
    assertThat(doc.get("validFor").asText()).isEqualTo("P2Y");
    assertThat(doc.has("recognizedBy")).isTrue();
    JsonNode exam = null;
    for (JsonNode offer : doc.get("offers")) {
      if (offer.get("category").asText().equals("exam")) {
        exam = offer.get("priceSpecification");
      }
    }
    assertThat(exam).isNotNull();
    assertThat(exam.get("minPrice").decimalValue()).isEqualByComparingTo("150");
    assertThat(exam.get("maxPrice").decimalValue()).isEqualByComparingTo("375");
    assertThat(exam.get("priceCurrency").asText()).isEqualTo("USD");

    JsonNode ccxp =
        json.readTree(
            given()
                .header("Accept", "application/ld+json")
                .get("/api/v1/programs/ccxp")
                .asString());
    assertThat(ccxp.get("provider").get("name").asText())
        .isEqualTo("Customer Experience Professionals Association");
    assertThat(ccxp.has("validFor")).as("no renewal cycle known").isFalse();
    // Plain JSON stays the default.
    given().get("/api/v1/programs/ccxp").then().contentType("application/json");
  }
}
