package com.credentialcatalog.webhook;

import static io.restassured.RestAssured.given;

import com.credentialcatalog.security.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes and subscriptions through the public API, for the webhook tests. */
final class WebhookFixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookFixtures() {}

  /** A new provider (one CREATE event), owned by nobody else's test. */
  static String newProvider() {
    String slug = "wh-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .auth()
        .oauth2(DevTokens.admin())
        .contentType("application/json")
        .body(Map.of("slug", slug, "name", "Webhook test " + slug, "kind", "TRAINING_VENDOR"))
        .post("/api/v1/providers")
        .then()
        .statusCode(201);
    return slug;
  }

  /** {@code times} acknowledged updates of the provider, one UPDATE event each. */
  static void updateProvider(String slug, int times) {
    for (int i = 0; i < times; i++) {
      String etag =
          given().get("/api/v1/providers/" + slug).then().statusCode(200).extract().header("ETag");
      given()
          .auth()
          .oauth2(DevTokens.admin())
          .header("If-Match", etag)
          .contentType("application/merge-patch+json")
          .body(Map.of("website", "https://" + slug + ".example/" + UUID.randomUUID()))
          .patch("/api/v1/providers/" + slug)
          .then()
          .statusCode(200);
    }
  }

  static long latestSeq() {
    return given().get("/api/v1/changes?limit=1").jsonPath().getLong("latestSeq");
  }

  /** The events of /changes after {@code after} about provider {@code slug}, in feed order. */
  static List<JsonNode> feedAfter(long after, String slug) throws Exception {
    JsonNode page =
        JSON.readTree(given().get("/api/v1/changes?limit=1000&after=" + after).asString());
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : page.get("events")) {
      if (e.get("entityType").asText().equals("provider") && e.get("slug").asText().equals(slug)) {
        out.add(e);
      }
    }
    return out;
  }

  static JsonPath subscribe(String token, String url, Map<String, Object> filters) {
    Map<String, Object> body = new HashMap<>(filters);
    body.put("targetUrl", url);
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  static JsonPath webhook(long id) {
    return given()
        .auth()
        .oauth2(DevTokens.admin())
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Deletes every subscription, so that no later test's writes go to a closed receiver. */
  static void deleteAllWebhooks() {
    List<Map<String, Object>> all =
        given().auth().oauth2(DevTokens.admin()).get("/api/v1/webhooks").jsonPath().getList("$");
    for (Map<String, Object> w : all) {
      given()
          .auth()
          .oauth2(DevTokens.admin())
          .header("If-Match", "\"" + w.get("version") + "\"")
          .delete("/api/v1/webhooks/" + w.get("id"))
          .then()
          .statusCode(204);
    }
  }
}
