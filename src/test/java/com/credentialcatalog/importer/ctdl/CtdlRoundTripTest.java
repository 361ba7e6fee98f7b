package com.credentialcatalog.importer.ctdl;

import static com.credentialcatalog.importer.ctdl.CtdlFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.CredentialNames;
import com.credentialcatalog.security.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Export → import → compare, for every program of the seed: the whole catalog's CTDL export (GET
 * /api/v1/export/ctdl) is imported as new rows, and each imported program reads back, through the
 * REST API, every fact CTDL can express exactly as the seed program does.
 *
 * <p>"As new rows": the seed stays in the test database (other tests read it), so the exported
 * document is given what an empty catalog would see, fresh identity: every CTID is replaced by a
 * new one (consistently, so references still hold), and each organization's name and website get a
 * marker, because the import would otherwise match the seed's providers by name or website and
 * update them instead of creating. Nothing else is touched; the comparison takes the markers off.
 * What CTDL cannot hold is compared by nobody here and listed in README "Known losses".
 */
@QuarkusTest
class CtdlRoundTripTest {

  @org.junit.jupiter.api.AfterAll
  static void deleteImported() {
    CtdlFixtures.deleteImported();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CTID =
      Pattern.compile(
          "ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
          Pattern.CASE_INSENSITIVE);

  @Test
  void everySeedProgramComesBackWithEveryFactCtdlCanExpress() throws Exception {
    String marker = " [round trip " + Long.toString(System.nanoTime(), 36) + "]";
    String exported =
        given()
            .accept("application/ld+json; profile=\"https://credreg.net/ctdl/schema/\"")
            .get("/api/v1/export/ctdl")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Map<String, String> fresh = new HashMap<>();
    JsonNode doc = renewed(JSON.readTree(exported), fresh);
    for (JsonNode node : doc.get("@graph")) {
      boolean organization = node.path("@type").asText().equals("ceterms:CredentialOrganization");
      boolean credential =
          node.has("ceterms:ctid") && !node.path("@type").asText().endsWith("Profile");
      if (node.has("ceterms:ctid") && (organization || credential)) {
        // Programs without provider are matched by name alone: they need the marker too.
        ObjectNode name = (ObjectNode) node.get("ceterms:name");
        name.put("en", name.get("en").asText() + marker);
      }
      if (organization && node.has("ceterms:ctid")) {
        if (node.has("ceterms:subjectWebpage")) {
          ((ObjectNode) node)
              .put("ceterms:subjectWebpage", node.get("ceterms:subjectWebpage").asText() + "#rt");
        }
      }
    }

    JsonPath report =
        post(DevTokens.admin(), JSON.writeValueAsString(doc), false)
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(report.getInt("rejected")).as(report.prettify()).isZero();
    assertThat(report.getList("nodes.findAll { it.status != 'CREATED' }"))
        .as("every node is new: nothing may match a seed row")
        .isEmpty();
    Map<String, String> importedSlugByCtid = new HashMap<>();
    List<Map<String, Object>> nodes = report.getList("nodes");
    for (Map<String, Object> n : nodes) {
      if ("program".equals(n.get("entity"))) {
        importedSlugByCtid.put((String) n.get("ctid"), (String) n.get("slug"));
      }
    }
    List<String> seedSlugs =
        given().get("/api/v1/programs?limit=100").then().extract().jsonPath().getList("items.slug");
    int compared = 0;
    for (String slug : seedSlugs) {
      JsonPath original = detail(slug);
      String copy = importedSlugByCtid.get(fresh.get(original.getString("ctid")));
      if (copy == null) {
        continue; // a program this test imported earlier, not one of the seed
      }
      assertThat(facts(detail(copy), marker)).as(slug).isEqualTo(facts(original, ""));
      assertThat(signals(copy)).as(slug + " recognition").isEqualTo(signals(slug));
      compared++;
    }
    assertThat(compared).isEqualTo(importedSlugByCtid.size()).isGreaterThanOrEqualTo(13);
  }

  private static JsonPath detail(String slug) {
    return given().get("/api/v1/programs/" + slug).then().statusCode(200).extract().jsonPath();
  }

  /** The document with every CTID replaced by a fresh one, the same one for the same CTID. */
  private static JsonNode renewed(JsonNode node, Map<String, String> fresh) {
    if (node.isTextual()) {
      Matcher m = CTID.matcher(node.asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String old = m.group().toLowerCase(Locale.ROOT);
        String replacement = fresh.computeIfAbsent(old, k -> "ce-" + UUID.randomUUID());
        m.appendReplacement(out, replacement);
      }
      m.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(v -> copy.add(renewed(v, fresh)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        copy.set(e.getKey(), renewed(e.getValue(), fresh));
      }
      return copy;
    }
    return node;
  }

  /** The facts of a program detail that CTDL can express, markers taken off. */
  private static Map<String, Object> facts(JsonPath p, String marker) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", strip(p.getString("name"), marker));
    f.put("credentialType", p.getString("credentialType"));
    f.put("status", p.getString("status"));
    f.put("website", p.getString("website"));
    f.put("description", p.getString("description"));
    f.put("languages", p.getList("languages"));
    f.put("durationWeeks", p.get("durationWeeks"));
    f.put("provider", strip(p.getString("provider.name"), marker));
    TreeSet<String> aliases = new TreeSet<>();
    // Aliases are what lookups match: compared in the normalized form lookups use.
    p.getList("aliases", String.class)
        .forEach(a -> aliases.add(CredentialNames.normalize(strip(a, marker))));
    f.put("aliases", aliases);
    List<Object> prices = new ArrayList<>();
    for (Map<String, Object> x : p.<Map<String, Object>>getList("prices")) {
      prices.add(
          new TreeMap<>(
              pick(
                  x,
                  "feeType",
                  "amount",
                  "currency",
                  "audience",
                  "requiredForAward",
                  "validFrom",
                  "validTo",
                  "note")));
    }
    prices.sort((a, b) -> a.toString().compareTo(b.toString()));
    f.put("prices", prices);
    List<Object> routes = new ArrayList<>();
    for (Map<String, Object> r : p.<Map<String, Object>>getList("eligibility")) {
      List<Object> figures = new ArrayList<>();
      for (Map<String, Object> c : list(r.get("conditions"))) {
        if ("MIN_AGE".equals(c.get("kind")) || "EXPERIENCE_MONTHS".equals(c.get("kind"))) {
          Map<String, Object> value = map(c.get("value"));
          figures.add(c.get("kind") + " " + (value == null ? null : value.get("min")));
        }
      }
      routes.add(
          List.of(
              Objects.toString(r.get("name")), Objects.toString(r.get("description")), figures));
    }
    f.put("eligibility", routes);
    Map<String, Object> renewal = p.getMap("renewal");
    if (renewal != null) {
      Map<String, Object> cycle = map(renewal.get("cycleYears"));
      f.put("renewal.cycleYears.min", cycle == null ? null : cycle.get("min"));
      f.put("renewal.credits", renewal.get("credits"));
      f.put("renewal.note", renewal.get("note"));
    }
    List<Object> exams = new ArrayList<>();
    for (Map<String, Object> e : p.<Map<String, Object>>getList("exams")) {
      List<String> vendors = new ArrayList<>();
      for (Map<String, Object> v : list(e.get("testVendors"))) {
        vendors.add(strip((String) v.get("name"), marker));
      }
      exams.add(
          List.of(
              Objects.toString(e.get("name")),
              Objects.toString(e.get("durationMinutes")),
              Objects.toString(e.get("proctoring")),
              vendors,
              Objects.toString(e.get("languages")),
              Objects.toString(e.get("note"))));
    }
    f.put("exams", exams);
    return f;
  }

  /** The recognizing organizations CTDL names (accreditedBy, recognizedBy, approvedBy). */
  private static TreeSet<String> signals(String slug) {
    TreeSet<String> out = new TreeSet<>();
    for (Map<String, Object> s :
        given()
            .get("/api/v1/programs/" + slug + "/recognition")
            .then()
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("signals")) {
      String kind = (String) s.get("kind");
      if (!kind.equals("JOB_POSTING_MENTIONS")) {
        // INDUSTRY_STANDARD and EMPLOYER_RECOGNITION share recognizedBy (README "Known losses").
        out.add(
            (kind.equals("INDUSTRY_STANDARD") ? "EMPLOYER_RECOGNITION" : kind)
                + " "
                + s.get("sourceName"));
      }
    }
    return out;
  }

  private static Map<String, Object> pick(Map<String, Object> m, String... keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, m.get(k));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static String strip(String text, String marker) {
    return text == null || marker.isEmpty() ? text : text.replace(marker, "");
  }
}
