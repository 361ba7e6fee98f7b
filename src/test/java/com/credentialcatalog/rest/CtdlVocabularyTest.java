package com.credentialcatalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class, property and concept the CTDL export emits for the seed catalog exists in Credential
 * Engine's CTDL vocabulary ({@code ctdl-samples/vocab/ctdl-schema-encoding.json}), each property is
 * used on a class in its {@code schema:domainIncludes}, and each concept belongs to its property's
 * {@code meta:targetScheme}. Skipped when the vocabulary file is not there (it is shared material,
 * not part of the repository).
 */
@QuarkusTest
class CtdlVocabularyTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, JsonNode> terms;

  @BeforeAll
  static void loadVocabulary() throws IOException {
    Path dir =
        Path.of(System.getProperty("ctdl.samples.dir", "../shared/ctdl-samples"))
            .resolve("vocab/ctdl-schema-encoding.json");
    assumeTrue(
        Files.isRegularFile(dir),
        "CTDL vocabulary not found at " + dir.toAbsolutePath() + " (set -Dctdl.samples.dir)");
    terms = new HashMap<>();
    for (JsonNode term : JSON.readTree(dir.toFile()).get("@graph")) {
      terms.put(term.get("@id").asText(), term);
    }
  }

  @Test
  void shouldEmitOnlyTermsOfTheVocabularyOnClassesOfTheirDomain() throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    documents.add(
        JSON.readTree(
            given().get("/api/v1/export/ctdl").then().statusCode(200).extract().asString()));
    for (String slug :
        given().get("/api/v1/programs?limit=100").jsonPath().getList("items.slug", String.class)) {
      documents.add(JSON.readTree(given().get("/api/v1/programs/{slug}/ctdl", slug).asString()));
    }
    for (String slug :
        given().get("/api/v1/providers?limit=100").jsonPath().getList("items.slug", String.class)) {
      documents.add(JSON.readTree(given().get("/api/v1/providers/{slug}/ctdl", slug).asString()));
    }
    List<String> problems = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (JsonNode doc : documents) {
      assertThat(doc.get("@context").asText())
          .isEqualTo("https://credreg.net/ctdl/schema/context/json");
      for (JsonNode node : doc.get("@graph")) {
        check(node, problems, used);
      }
    }
    assertThat(problems).isEmpty();
    // The check saw the export's parts, so a passing run is not an empty one.
    assertThat(used)
        .contains(
            "ceterms:Certification",
            "ceterms:Certificate",
            "ceterms:QualityAssuranceCredential",
            "ceterms:AssessmentProfile",
            "ceterms:CostProfile",
            "ceterms:ConditionProfile",
            "ceterms:ValueProfile",
            "ceterms:DurationProfile",
            "ceterms:alternativeCondition",
            "ceterms:scoringMethodDescription",
            "costType:StandaloneAssessment",
            "creditUnit:ContinuingEducationUnit",
            "orgType:ProfessionalAssociation");
  }

  /** A node: its class, and each of its properties against that class. */
  private static void check(JsonNode node, List<String> problems, Set<String> used) {
    String type = node.path("@type").asText(null);
    if (type == null) {
      problems.add("a node without @type: " + node);
      return;
    }
    used.add(type);
    JsonNode cls = terms.get(type);
    if (cls == null || !"rdfs:Class".equals(cls.path("@type").asText())) {
      problems.add(type + " is not a CTDL class");
      return;
    }
    node.fields()
        .forEachRemaining(
            field -> {
              String property = field.getKey();
              if (property.startsWith("@")) {
                return;
              }
              used.add(property);
              JsonNode term = terms.get(property);
              if (term == null || !"rdf:Property".equals(term.path("@type").asText())) {
                problems.add(property + " (on " + type + ") is not a CTDL property");
                return;
              }
              if (!contains(term.get("schema:domainIncludes"), type)) {
                problems.add(property + " is not used on " + type + " in CTDL (domainIncludes)");
              }
              for (JsonNode value : values(field.getValue())) {
                if (value.isObject() && value.has("@type")) {
                  check(value, problems, used);
                  if ("ceterms:CredentialAlignmentObject".equals(value.get("@type").asText())) {
                    checkConcept(property, term, value, problems, used);
                  }
                } else if (value.isObject()) {
                  if (!value.has("en") || value.size() != 1) {
                    problems.add(property + " on " + type + " is not a language map keyed en");
                  }
                }
              }
            });
  }

  private static void checkConcept(
      String property, JsonNode term, JsonNode alignment, List<String> problems, Set<String> used) {
    String target = alignment.path("ceterms:targetNode").asText();
    used.add(target);
    JsonNode concept = terms.get(target);
    if (concept == null || !"skos:Concept".equals(concept.path("@type").asText())) {
      problems.add(target + " (in " + property + ") is not a CTDL concept");
      return;
    }
    JsonNode schemes = term.get("meta:targetScheme");
    boolean inScheme = false;
    for (JsonNode scheme : values(concept.get("skos:inScheme"))) {
      if (contains(schemes, scheme.asText())) {
        inScheme = true;
        String expected = "https://credreg.net/ctdl/terms/" + scheme.asText().substring(8);
        if (!expected.equals(alignment.path("ceterms:framework").asText())) {
          problems.add(target + " names framework " + alignment.path("ceterms:framework"));
        }
      }
    }
    if (!inScheme) {
      problems.add(target + " is not in the scheme of " + property + " (" + schemes + ")");
    }
    String label = concept.path("skos:prefLabel").path("en-US").asText();
    if (!label.equals(alignment.path("ceterms:targetNodeName").path("en").asText())) {
      problems.add(
          target + " is labelled " + alignment.get("ceterms:targetNodeName") + ", not " + label);
    }
  }

  private static List<JsonNode> values(JsonNode value) {
    List<JsonNode> list = new ArrayList<>();
    if (value == null) {
      return list;
    }
    if (value.isArray()) {
      value.forEach(list::add);
    } else {
      list.add(value);
    }
    return list;
  }

  private static boolean contains(JsonNode array, String id) {
    for (JsonNode v : values(array)) {
      if (id.equals(v.asText())) {
        return true;
      }
    }
    return false;
  }
}
